// The meetings view: every instance the caller may see, grouped Live now, Upcoming and Past, with
// the search over meetings' titles and descriptions and the latest "starting soon" notice. It
// draws from the shared state whenever the meetings or instances change, and a row opens its
// instance beside the list.
import { $, h, whenText, windowText, userText, statusText } from './dom.js';
import { when } from './countdown.js';
import { seriesText } from './series-words.js';
import { openInstance } from './instance.js';
import {
  meetingById, meetingList, instanceList, instanceById, isOpen, openView, latestNotice, setNotice, onMeetingsChanged, now,
  api, myId, isInside, setInside, meetingsChanged, seriesById, wantSeries,
} from './state.js';

/** Past instances listed before "Show all". */
const PAST_SHOWN = 10;

let noticeTimer = null;

/**
 * The latest "starting soon" notice, named by its meeting's title as soon as the meeting is known; gone once its
 * start has come, or its instance started, ended or was deleted before.
 */
export function renderNotice() {
  let notice = latestNotice();
  const instance = notice && notice.instanceId ? instanceById(notice.instanceId) : null;
  if (notice && (new Date(notice.from).getTime() <= now() || (instance && instance.status !== 'scheduled')
      || (notice.instanceId && !instance && instanceList().length > 0))) {
    setNotice(null);
    notice = null;
  }
  $('notice').hidden = !notice;
  clearTimeout(noticeTimer);
  if (!notice) return;
  noticeTimer = setTimeout(renderNotice, Math.max(0, new Date(notice.from).getTime() - now()) + 50);
  const meeting = meetingById(notice.meetingId);
  $('notice').replaceChildren('Starting soon: ', meeting ? userText(meeting.title) : 'a meeting',
    `, ${whenText(notice.from)}.`);
}

/** Whether a meeting matches what is typed in the search box. */
function matches(meeting) {
  const wanted = $('meeting-search').value.trim().toLowerCase();
  return !wanted || `${meeting.title} ${meeting.description || ''}`.toLowerCase().includes(wanted);
}

/**
 * A live row's own action: "You're in" with Leave for the user inside, Join for one who is not (the administrator,
 * who is nobody's participant, gets neither). A refusal (a private meeting, a full one) shows above the list.
 */
function liveAction(instance) {
  if (instance.status !== 'active' || !myId()) return null;
  const call = (method, path, body, after) => async () => {
    $('notice').hidden = true;
    try {
      await api().request(method, path, body);
      after();
      meetingsChanged();
      if (isOpen(instance.id)) openInstance(instance.id);
    } catch (e) {
      $('notice').replaceChildren(e.message);
      $('notice').hidden = false;
    }
  };
  if (isInside(instance.id)) return leaveWired(instance, call);
  return h('span', { class: 'row-actions' }, h('button', {
    type: 'button', class: 'small', 'data-join-instance': instance.id,
    onclick: call('POST', `/instances/${instance.id}/participants`, { userId: myId() }, () => setInside(instance.id, true)),
  }, 'Join'));
}

/** The "You're in" mark with its Leave button wired. */
function leaveWired(instance, call) {
  return h('span', { class: 'row-actions' }, h('span', { class: 'badge in', 'data-inside': instance.id }, "You're in"),
    h('button', {
      type: 'button', class: 'quiet small', 'data-leave-instance': instance.id,
      onclick: call('DELETE', `/instances/${instance.id}/participants/${myId()}`, undefined, () => setInside(instance.id, false)),
    }, 'Leave'));
}

/** One instance as a row: its meeting, its date, its status and the time to its next change. */
function instanceRow(instance, meeting) {
  return h('li', { class: 'instance-row' }, h('button', {
    type: 'button', 'data-instance': instance.id, 'data-status': instance.status,
    'aria-current': isOpen(instance.id) ? 'true' : 'false',
    onclick: () => openInstance(instance.id),
  },
  h('span', { class: 'meeting-title' }, meeting ? meeting.title : `Meeting ${instance.meetingId}`),
  meeting ? h('span', { class: 'badge' }, meeting.isPublic ? 'public' : 'private') : null,
  h('span', { class: 'date' }, windowText(instance.from, instance.to)),
  h('span', { class: `status status-${instance.status}` }, statusText(instance.status)),
  h('span', { class: 'when', 'data-countdown': instance.id }, when(instance))), liveAction(instance));
}

/** The series whose later occurrences are unfolded on the list. */
const unfolded = new Set();

/**
 * Upcoming occurrences, with those of one series folded into one row (one thing, not ten identical cards): its next
 * occurrence, its rule in words, and the others on request (unfolded anyway while one of them is open).
 */
function upcomingRows(upcoming) {
  const rows = [];
  const bySeries = new Map();
  for (const instance of upcoming) {
    if (instance.seriesId == null) {
      rows.push(instanceRow(instance, meetingById(instance.meetingId)));
    } else if (bySeries.has(instance.seriesId)) {
      bySeries.get(instance.seriesId).push(instance);
    } else {
      const list = [instance];
      bySeries.set(instance.seriesId, list);
      rows.push(list);
    }
  }
  return rows.map((row) => (Array.isArray(row) ? seriesRow(row) : row));
}

/** A series' next occurrence as a row, with the series in words and its other upcoming occurrences behind a toggle. */
function seriesRow(list) {
  const [next, ...others] = list;
  const meeting = meetingById(next.meetingId);
  wantSeries(next.meetingId, next.seriesId);
  const series = seriesById(next.seriesId);
  const open = unfolded.has(next.seriesId) || others.some((i) => isOpen(i.id));
  const row = instanceRow(next, meeting);
  row.dataset.seriesRow = next.seriesId;
  const toggle = others.length === 0 ? null : h('button', {
    type: 'button', class: 'quiet small', 'aria-expanded': String(open), 'data-series-more': next.seriesId,
    onclick: () => { if (open) unfolded.delete(next.seriesId); else unfolded.add(next.seriesId); renderMeetings(); },
  }, open ? 'Fewer' : `${others.length} more to come`);
  row.append(h('p', { class: 'series-words', 'data-series-words': next.seriesId, title: series ? series.rrule : null },
    series ? seriesText(series.rrule, new Date(next.from)) : 'Repeats', toggle ? ' · ' : '', toggle));
  if (open) row.append(h('ul', { class: 'series-more', 'aria-label': 'Its other occurrences to come' },
    others.map((i) => instanceRow(i, meeting))));
  return row;
}

/** The instances in three groups, live, upcoming (soonest first) and past (latest first), filtered by the search. */
function renderMeetings() {
  const meetings = meetingList();
  const shown = instanceList().filter((i) => {
    const meeting = meetingById(i.meetingId);
    return !meeting || matches(meeting);
  });
  const group = (status) => shown.filter((i) => i.status === status);
  const live = group('active').sort((a, b) => a.to.localeCompare(b.to));
  const upcoming = group('scheduled').sort((a, b) => a.from.localeCompare(b.from) || a.id - b.id);
  const past = group('ended').sort((a, b) => (b.endedAt || b.to).localeCompare(a.endedAt || a.to));
  const allPast = $('past-more').dataset.all === 'true';
  const fill = (name, list, limit = list.length, rows = (shown) => shown.map((i) => instanceRow(i, meetingById(i.meetingId)))) => {
    $(`group-${name}`).replaceChildren(...rows(list.slice(0, limit)));
    $(`group-${name}-count`).textContent = `(${list.length})`;
    $(`group-${name}-empty`).hidden = list.length > 0;
  };
  fill('live', live);
  fill('upcoming', upcoming, upcoming.length, upcomingRows);
  // The open instance stays listed even when it is an old one.
  const open = openView();
  const openPast = open ? past.findIndex((i) => i.id === open.id) : -1;
  fill('past', past, allPast ? past.length : Math.max(PAST_SHOWN, openPast + 1));
  $('past-more').hidden = allPast || past.length <= PAST_SHOWN;
  $('past-more').textContent = `Show all ${past.length} past occurrences`;
  $('meetings-empty').hidden = meetings.length > 0;
  $('meetings-none-found').hidden = meetings.length === 0 || shown.length > 0 || !$('meeting-search').value.trim();
  renderNotice();
}

export function wireMeetings() {
  onMeetingsChanged(renderMeetings);
  $('meeting-search').addEventListener('input', renderMeetings);
  $('past-more').addEventListener('click', () => { $('past-more').dataset.all = 'true'; renderMeetings(); });
}
