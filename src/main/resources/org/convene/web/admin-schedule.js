// The administration's scheduling: one instance of a meeting, or a series by a recurrence picker
// (daily, weekly on chosen days, monthly; ending after a count, on a day, or never), from a start
// picked in the browser's own time zone, and every meeting's series with its calendar and a
// delete. The meeting picker follows the shared meetings as they change.
import { $, h, act, windowText, localInput, isolatedText } from './dom.js';
import { confirmInline, onSubmit } from './admin-prompts.js';
import { seriesText } from './series-words.js';
import {
  api, now, runList, hasInstance, putInstance, forgetInstance, onMeetingsChanged, meetingsChanged, putSeries,
} from './state.js';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The meeting picker offers every meeting, keeping the one chosen. */
function renderMeetingChoice() {
  const select = $('instance-meeting');
  const chosen = select.value;
  select.replaceChildren(...runList().map((m) => h('option', { value: m.id }, `${isolatedText(m.title)} (#${m.id})`)));
  if (chosen) select.value = chosen;
}

/** The default start offered: the next quarter hour at least ten minutes away. */
function nextSlot() {
  const quarter = 15 * 60 * 1000;
  return Math.ceil((now() + 10 * 60 * 1000) / quarter) * quarter;
}

/** The RFC 5545 rule the recurrence picker describes for a first start {@code from}, or null when it does not repeat. */
function repeatRule(from) {
  const freq = $('instance-repeats').value;
  if (!freq) return null;
  const parts = [`FREQ=${freq}`];
  if (freq === 'WEEKLY') {
    const days = [...$('repeat-days').querySelectorAll('input:checked')].map((box) => box.value);
    parts.push(`BYDAY=${(days.length ? days : [DAYS[from.getDay()]]).join(',')}`);
  }
  if (freq === 'MONTHLY') parts.push(`BYMONTHDAY=${from.getDate()}`);
  const ends = $('repeat-ends').value;
  if (ends === 'count') parts.push(`COUNT=${Number($('repeat-count').value)}`);
  if (ends === 'until') {
    if (!$('repeat-until').value) throw new Error('Choose the last day of the series');
    // The end of that day in the browser's zone, written in UTC as RFC 5545 asks.
    parts.push(`UNTIL=${new Date(`${$('repeat-until').value}T23:59:59`).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  }
  return parts.join(';');
}

function showRepeat() {
  const freq = $('instance-repeats').value;
  $('repeat-days').hidden = freq !== 'WEEKLY';
  $('repeat-end').hidden = !freq;
  const ends = $('repeat-ends').value;
  $('repeat-count').hidden = ends !== 'count';
  $('repeat-count-label').hidden = ends !== 'count';
  $('repeat-until').hidden = ends !== 'until';
  $('repeat-until-label').hidden = ends !== 'until';
}

/** A series in words at the local time of its next occurrence (or of its first, once nothing is to come). */
function described(s) {
  const at = s.upcoming.length ? s.upcoming[0].start : s.occurrences.length ? s.occurrences[0].recurrenceId : null;
  return at ? seriesText(s.rrule, new Date(at)) : s.rrule;
}

/** Every meeting's series, with what comes next, a calendar download and a delete. */
export async function loadSeries() {
  const all = [];
  for (const meeting of runList()) {
    const series = await api().get(`/meetings/${meeting.id}/series`).catch(() => []);
    for (const s of series) {
      putSeries(s); // the lists' rule in words reads it from here rather than asking again
      all.push({ meeting, s });
    }
  }
  $('series-empty').hidden = all.length > 0;
  $('series-list').replaceChildren(...all.map(({ meeting, s }) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const next = s.upcoming.length ? `next ${windowText(s.upcoming[0].start, s.upcoming[0].end)}` : 'nothing to come';
    const li = h('li', { 'data-series': s.id }, h('span', { class: 'meeting-title' }, meeting.title), ' ',
      h('span', { class: 'series-words', title: `${s.rrule} from ${s.start.replace('T', ' ')} ${s.timeZone}` }, described(s)), ' ',
      h('span', { class: 'hint' }, `· ${s.durationMinutes} min · ${next}`), ' ');
    li.append(h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'quiet small', 'data-series-calendar': s.id, onclick: () => act(error, async () => {
        const blob = await api().blob(`/meetings/${meeting.id}/calendar.ics`, 'text/calendar');
        const link = h('a', { href: URL.createObjectURL(blob), download: `meeting-${meeting.id}.ics` });
        document.body.append(link);
        link.click();
        link.remove();
      }) }, 'Calendar (.ics)'),
      h('button', { type: 'button', class: 'quiet small', 'data-series-attendance': s.id, onclick: () => act(error, async () => {
        // The series at a glance: the server's picture inline, each column a link to its occurrence.
        const picture = await api().blob(`/meetings/${meeting.id}/series/${s.id}/attendance.svg`, 'image/svg+xml');
        const svg = new DOMParser().parseFromString(await picture.text(), 'image/svg+xml').documentElement;
        li.querySelector('.series-glance')?.remove();
        li.append(h('figure', { class: 'series-glance' }, document.importNode(svg, true)));
      }) }, 'Attendance across it'),
      h('button', { type: 'button', class: 'danger small', 'data-series-delete': s.id, onclick: () => confirmInline(li,
        'Delete this series and its occurrences still to come?', 'Yes, delete', () => act(error, async () => {
          const gone = await api().delete(`/meetings/${meeting.id}/series/${s.id}`);
          for (const id of gone.deletedInstances) forgetInstance(id);
          meetingsChanged();
          await loadSeries();
        })) }, 'Delete')), error);
    return li;
  }));
}

export function wireSchedule() {
  onMeetingsChanged(renderMeetingChoice);
  $('instance-from').value = localInput(nextSlot());
  $('instance-repeats').addEventListener('change', showRepeat);
  $('repeat-ends').addEventListener('change', showRepeat);
  $('instance-zone').textContent = `Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`;
  onSubmit('instance-form', 'instance-result', 'instance-create-error', async (result) => {
    const meetingId = $('instance-meeting').value;
    if (!meetingId) throw new Error('Create a meeting first');
    if (!$('instance-from').value) throw new Error('Choose when it starts');
    const from = new Date($('instance-from').value); // a datetime-local value is read in the browser's zone
    const to = new Date(from.getTime() + Number($('instance-minutes').value) * 60 * 1000);
    const rrule = repeatRule(from);
    if (rrule) {
      const series = await api().post(`/meetings/${meetingId}/series`, {
        rrule, start: $('instance-from').value.length === 16 ? `${$('instance-from').value}:00` : $('instance-from').value,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, durationMinutes: Number($('instance-minutes').value),
      });
      putSeries(series);
      // The occurrences made, in one read of the meeting's instances rather than one request each.
      const made = new Set(series.occurrences.map((o) => o.instanceId));
      for (const instance of await api().get(`/meetings/${meetingId}/instances`)) {
        if (made.has(instance.id) && !hasInstance(instance.id)) putInstance(instance);
      }
      meetingsChanged();
      result.textContent = `Scheduled: ${described(series)}. ${series.occurrences.length} occurrences made so far`
        + `${series.upcoming.length ? `, the first ${windowText(series.upcoming[0].start, series.upcoming[0].end)}` : ''}.`;
      await loadSeries();
      return;
    }
    const instance = await api().post(`/meetings/${meetingId}/instances`, { from: from.toISOString(), to: to.toISOString() });
    if (!hasInstance(instance.id)) putInstance(instance);
    meetingsChanged();
    result.textContent = `Scheduled occurrence #${instance.id}, ${windowText(instance.from, instance.to)}.`;
  });
}
