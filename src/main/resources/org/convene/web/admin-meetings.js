// The administration's meetings: each listed with its instances, edited in place or deleted (as is
// any of its instances, asked twice), and a form that creates one with its audience, capacity,
// presence and reminder. The list is drawn from the shared state, again whenever the meetings or
// instances change while the administration is shown.
import { $, h, act, windowText, userText, statusText } from './dom.js';
import { seriesText } from './series-words.js';
import { audiencePicker } from './audience-picker.js';
import { occurrenceAddress } from './occurrence-actions.js';
import { confirmInline, onSubmit } from './admin-prompts.js';
import {
  api, runList, instanceList, putMeeting, forgetMeeting, forgetInstance, showingAdmin, onMeetingsChanged, meetingsChanged,
  seriesById, wantSeries,
} from './state.js';

export function renderAdminMeetings() {
  // An edit under way survives the list being drawn again (a lifecycle change while someone types), with its focus.
  const editing = new Map([...$('admin-meeting-list').querySelectorAll(':scope > li > form.inline-form')]
    .map((form) => [form.closest('li').dataset.adminMeeting, form]));
  const focused = document.activeElement && document.activeElement.id;
  $('admin-meeting-list').replaceChildren(...runList().map((m) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const instances = instanceList().filter((i) => i.meetingId === m.id).sort((a, b) => a.from.localeCompare(b.from));
    const li = h('li', { 'data-admin-meeting': m.id }, h('span', { class: 'meeting-title' }, m.title), ' ',
      h('span', { class: 'badge' }, m.isPublic ? 'public' : 'private'), ' ', h('span', { class: 'hint' }, `#${m.id}`), ' ');
    // Delete only where it can succeed: a meeting with occurrences keeps them (and their history), so it stays.
    li.append(h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'quiet small', 'data-edit-meeting': m.id, onclick: () => editMeeting(li, m) }, 'Edit'),
      instances.length > 0 ? h('span', { class: 'hint', 'data-undeletable-meeting': m.id }, 'Has occurrences, so it stays')
        : h('button', { type: 'button', class: 'danger small', 'data-delete-meeting': m.id, onclick: () => confirmInline(li,
          ['Delete ', userText(m.title), '?'], 'Yes, delete', () => act(error, async () => {
            await api().delete(`/meetings/${m.id}`);
            forgetMeeting(m.id);
            meetingsChanged();
          })) }, 'Delete')), error);
    const lone = instances.filter((i) => i.seriesId == null);
    const bySeries = new Map();
    for (const i of instances.filter((o) => o.seriesId != null)) bySeries.set(i.seriesId, [...(bySeries.get(i.seriesId) || []), i]);
    li.append(h('ul', { class: 'admin-instances' }, lone.map((i) => occurrenceRow(i, error)),
      [...bySeries].map(([seriesId, list]) => seriesFold(m, seriesId, list, error))));
    if (editing.has(String(m.id))) li.append(editing.get(String(m.id)));
    return li;
  }));
  if (focused && document.activeElement !== $(focused)) $(focused)?.focus();
}

/** One occurrence: when and how it stands, with Delete while it is still to come (one that ran keeps its history). */
function occurrenceRow(i, error) {
  const row = h('li', { 'data-admin-instance': i.id, 'data-status': i.status }, `${windowText(i.from, i.to)} · ${statusText(i.status)} `);
  if (i.status !== 'scheduled') return row;
  // An occurrence of a series is cancelled through its series, which then never makes it again.
  const address = occurrenceAddress(i);
  row.append(h('button', { type: 'button', class: 'danger small', 'data-delete-instance': i.id, onclick: () => confirmInline(row,
    i.seriesId == null ? 'Delete this occurrence?' : 'Cancel this occurrence? The rest of the series stays.',
    i.seriesId == null ? 'Yes, delete' : 'Yes, cancel it', () => act(error, async () => {
      await api().delete(address);
      forgetInstance(i.id);
      meetingsChanged();
    })) }, i.seriesId == null ? 'Delete' : 'Cancel'));
  return row;
}

/** A series' occurrences as one thing: the rule in words and how many are still to come, the rows folded beneath. */
function seriesFold(m, seriesId, list, error) {
  wantSeries(m.id, seriesId);
  const series = seriesById(seriesId);
  const coming = list.filter((i) => i.status === 'scheduled');
  const next = coming[0] || list[list.length - 1];
  const words = series ? seriesText(series.rrule, new Date(next.from)) : 'A series';
  return h('li', { 'data-admin-series': seriesId }, h('details', {},
    h('summary', {}, words, h('span', { class: 'hint' }, ` · ${coming.length} to come${coming.length ? `, next ${windowText(next.from, next.to)}` : ''}`)),
    h('ul', { class: 'admin-instances' }, list.map((i) => occurrenceRow(i, error)))));
}

function editMeeting(li, m) {
  li.querySelector('form')?.remove();
  const id = (n) => `edit-meeting-${m.id}-${n}`;
  const audience = h('textarea', { id: id('audience'), name: 'audience', rows: 3 });
  audience.value = (m.audience || []).join('\n');
  const isPublic = h('input', { id: id('public'), name: 'isPublic', type: 'checkbox', checked: m.isPublic });
  const number = (name, label, hint, value, min, max) => [
    h('label', { for: id(name) }, label, ' ', h('span', { class: 'hint' }, hint)),
    h('input', { id: id(name), name, type: 'number', min, max, step: 1, value: value == null ? '' : value })];
  const form = h('form', { class: 'form inline-form' },
    h('label', { for: id('title') }, 'Title'), h('input', { id: id('title'), name: 'title', value: m.title, required: true }),
    h('label', { for: id('description') }, 'Description'), h('input', { id: id('description'), name: 'description', value: m.description || '' }),
    h('div', { class: 'check' }, isPublic, h('label', { for: id('public') }, 'Public')),
    h('label', { for: id('audience') }, 'Audience (e-mails, one per line)'), audience, audiencePicker(audience),
    ...number('capacity', 'Capacity', '(people inside at once; empty: no limit)', m.capacity, 1, 100000),
    ...number('lease', 'Take out people who go quiet after', '(seconds, at least 30; empty: never)', m.presence?.leaseSeconds, 30, 86400),
    ...number('grace', 'Grace before taking them out', '(seconds)', m.presence?.graceSeconds, 0, 86400),
    ...number('reminder', 'Remind everyone before each occurrence', '(minutes; empty: no reminder)', m.reminderMinutes, 1, 10080),
    h('label', { for: id('call') }, 'Call link ', h('span', { class: 'hint' }, '(empty: no call)')),
    h('input', { id: id('call'), name: 'callUrl', type: 'url', maxlength: 2000, value: m.callUrl || '' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => form.remove() }, 'Cancel')),
    h('p', { class: 'error', role: 'alert' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form.querySelector('.error'), async () => {
      const patch = changes(m, form, isPublic.checked, audience.value);
      let saved;
      try {
        // Against the version shown: two people editing at once must not overwrite each other unseen.
        saved = await api().request('PATCH', `/meetings/${m.id}`, patch, m.version == null ? {} : { 'If-Match': `"${m.version}"` });
      } catch (e) {
        if (e.status !== 412) throw e;
        form.remove(); // its values are the old meeting's
        putMeeting(await api().get(`/meetings/${m.id}`));
        meetingsChanged();
        $('admin-error').textContent = `Someone changed ${m.title} meanwhile; it shows as it is now. Edit it again.`;
        return;
      }
      form.remove();
      putMeeting(saved);
      meetingsChanged();
      const row = document.querySelector(`[data-admin-meeting="${m.id}"]`);
      const note = h('p', { class: 'warning', role: 'status' });
      if (row && warnOfUnknown(note, saved, true)) row.append(note);
    });
  });
  li.append(form);
  form.elements.title.focus();
}

/**
 * The merge patch an edit sends: only what the form changed, so that the meeting's version and its audit record say
 * exactly that, and whatever the form left alone (options the hosts set, a reminder not touched) stays as it is. An
 * emptied number removes its setting.
 */
function changes(m, form, isPublic, audienceText) {
  const value = (name) => (form.elements[name].value === '' ? null : Number(form.elements[name].value));
  const patch = {};
  const set = (key, now, before) => { if (JSON.stringify(now) !== JSON.stringify(before)) patch[key] = now; };
  set('title', form.elements.title.value, m.title);
  set('description', form.elements.description.value, m.description || '');
  set('isPublic', isPublic, m.isPublic);
  const audience = isPublic ? [] : audienceText.split(/[\s,;]+/).filter(Boolean);
  set('audience', audience, isPublic ? [] : (m.audience || []));
  set('capacity', value('capacity'), m.capacity ?? null);
  const lease = value('lease');
  set('presence', lease == null ? null : { leaseSeconds: lease, graceSeconds: value('grace') ?? 0 },
    m.presence ? { leaseSeconds: m.presence.leaseSeconds, graceSeconds: m.presence.graceSeconds } : null);
  set('reminderMinutes', value('reminder'), m.reminderMinutes ?? null);
  set('callUrl', form.elements.callUrl.value.trim() || null, m.callUrl ?? null);
  if (Object.keys(patch).length === 0) throw new Error('Nothing changed: change a field, or Cancel');
  return patch;
}

/**
 * Says which audience addresses belong to nobody yet (a typo, or someone not invited to Convene yet): the save went
 * through, and such a person can still be given an account later. Returns whether there was anything to say.
 */
function warnOfUnknown(element, meeting, alone = false) {
  const unknown = meeting.audienceWithoutUser || [];
  if (unknown.length === 0) return false;
  element.append(alone ? '' : ' ', h('span', { class: 'warning-text', 'data-unknown-audience': unknown.join(',') },
    unknown.length === 1 ? 'Nobody has the address ' : 'Nobody has these addresses yet: ',
    ...unknown.flatMap((a, i) => [i > 0 ? ', ' : '', userText(a)]),
    unknown.length === 1 ? ' yet. Check it for a typo; whoever gets it later is in the audience.'
      : '. Check them for typos; whoever gets one later is in the audience.'));
  return true;
}

export function wireMeetingsAdmin() {
  onMeetingsChanged(() => { if (showingAdmin()) renderAdminMeetings(); });
  $('meeting-public').addEventListener('change', () => {
    const audience = $('meeting-audience');
    audience.disabled = $('meeting-public').checked;
    let picker = audience.nextElementSibling;
    if (!picker || !picker.classList.contains('picker')) {
      picker = audiencePicker(audience);
      audience.after(picker);
    }
    picker.classList.toggle('off', audience.disabled); // a public meeting has no audience to pick
  });
  onSubmit('meeting-form', 'meeting-result', 'meeting-error', async (result, form) => {
    const isPublic = $('meeting-public').checked;
    const audience = isPublic ? [] : $('meeting-audience').value.split(/[\s,;]+/).filter(Boolean);
    const capacity = $('meeting-capacity').value ? Number($('meeting-capacity').value) : undefined;
    const lease = $('meeting-presence').value ? Number($('meeting-presence').value) : undefined;
    const reminderMinutes = $('meeting-reminder').value ? Number($('meeting-reminder').value) : undefined;
    const meeting = await api().post('/meetings', {
      title: $('meeting-title').value, description: $('meeting-description').value, isPublic, audience,
      capacity, presence: lease ? { leaseSeconds: lease, graceSeconds: Number($('meeting-grace').value || 0) } : undefined,
      reminderMinutes, callUrl: $('meeting-call').value.trim() || undefined,
    });
    form.reset();
    $('meeting-public').dispatchEvent(new Event('change')); // the audience and its picker follow the reset box
    putMeeting(meeting);
    meetingsChanged();
    $('instance-meeting').value = meeting.id;
    result.replaceChildren('Created meeting ', userText(meeting.title), ` (#${meeting.id}).`);
    warnOfUnknown(result, meeting);
  });
}
