// Keeps the meetings and instances that every view shows current: read whole once at sign-in, then
// followed on /stream's lifecycle feed (scheduled, activated, ended, deleted, and the "starting
// soon" reminders). It changes only the shared state and then asks the views to draw; the open
// instance is drawn again when the entry is about it.
import { LiveStream } from './live.js';
import { $ } from './dom.js';
import { gone, showLive } from './connection.js';
import { renderNotice } from './meetings.js';
import { renderInstance } from './instance.js';
import {
  api, now, hasMeeting, putMeeting, instanceById, hasInstance, putInstance, forgetInstance, isOpen, setNotice,
  meetingsChanged, myId, setInside,
} from './state.js';

let feed = null; // the /stream LiveStream, open for as long as the page

export async function loadMeetings() {
  const meetings = await api().all('/meetings');
  for (const meeting of meetings) putMeeting(meeting);
  const lists = await Promise.all(meetings.map((m) => api().get(`/meetings/${m.id}/instances`)));
  // The stream replays every instance's lifecycle in order and ends at the present; the list only
  // fills in instances the stream has not mentioned (their history may have been trimmed).
  for (const instance of lists.flat()) if (!hasInstance(instance.id)) putInstance(instance);
  if (myId()) {
    // Where the user is inside now (joined from another tab or device before): their own attendance says.
    try {
      const mine = await api().get(`/users/${myId()}/attendance?limit=100`);
      for (const r of mine) if (r.status === 'active' && r.attendance && r.attendance.inside) setInside(r.instanceId, true);
    } catch (e) {
      // Without it the list still shows every meeting; the mark comes with the next join or leave here.
    }
  }
  meetingsChanged();
}

/** Follows the lifecycle feed with {@code token}, its state shown in the header as "Meetings". */
export function followLifecycle(token) {
  feed = new LiveStream('/stream?scope=lifecycle', token, {
    onEntry: onLifecycle,
    onState: (s, detail) => showLive($('live'), s, detail, 'Meetings'),
    stillThere: () => gone('/me'),
  });
}

/** Reads a meeting the feed named before the page knew it, and draws it once known. */
function readMeeting(id) {
  api().get(`/meetings/${id}`).then((m) => { putMeeting(m); meetingsChanged(); }, () => {});
}

async function onLifecycle(kind, entry) {
  if (kind === 'reminder') {
    // The stream replays what happened before: only a notice still ahead is news.
    if (new Date(entry.from).getTime() > now()) {
      setNotice({ meetingId: entry.meetingId, instanceId: entry.instanceId, from: entry.from });
      if (!hasMeeting(entry.meetingId)) readMeeting(entry.meetingId);
      renderNotice();
    }
    return;
  }
  if (kind === 'deleted') {
    forgetInstance(entry.instanceId);
  } else {
    const status = { scheduled: 'scheduled', activated: 'active', ended: 'ended' }[kind];
    const known = instanceById(entry.instanceId);
    // An end by the administrator carries no window: the instance keeps the one it had.
    const window = entry.from ? { from: entry.from, to: entry.to } : known ? { from: known.from, to: known.to } : null;
    if (!window) {
      api().get(`/instances/${entry.instanceId}`).then((i) => { putInstance(i); meetingsChanged(); }, () => {});
      return;
    }
    // What the feed does not carry (the series an occurrence belongs to, when it ended) stays as it was known.
    putInstance({ ...known, id: entry.instanceId, meetingId: entry.meetingId, ...window, status });
    if (kind === 'scheduled' && !known) {
      // A new occurrence: whether a series made it (the list folds a series into one row) comes with the instance.
      // Only that is taken from the answer: the feed's later entries (activated, ended) may have overtaken it.
      api().get(`/instances/${entry.instanceId}`).then((i) => {
        const current = instanceById(i.id);
        if (!current || i.seriesId == null) return;
        current.seriesId = i.seriesId;
        current.recurrenceId = i.recurrenceId;
        meetingsChanged();
      }, () => {});
    }
    if (kind === 'ended') {
      // When it actually ended and by whom come with the instance itself.
      api().get(`/instances/${entry.instanceId}`).then((i) => {
        putInstance(i);
        meetingsChanged();
        if (isOpen(i.id)) renderInstance();
      }, () => {});
    }
    if (!hasMeeting(entry.meetingId)) {
      putMeeting({ id: entry.meetingId, title: `Meeting ${entry.meetingId}`, isPublic: true });
      readMeeting(entry.meetingId);
    }
  }
  meetingsChanged();
  renderNotice(); // a notice of an instance that started, ended or went is taken down
  if (isOpen(entry.instanceId)) renderInstance();
}
