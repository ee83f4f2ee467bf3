// What a meeting's hosts see in the open instance beside everyone's view: who they host as, the chat
// mode, clearing the chat, the co-hosts (the owner and the administrators appoint and revoke them; a
// co-host may resign), and on each participant and message what they may do to it (remove, ban, make
// co-host, delete). The server decides every one of these in the action's own step, ranks included; the
// buttons follow the same table (roles.md) so that nobody is offered what would only be refused, and a
// refusal that still comes (a rank, a right lost a moment ago) is said in the server's words. "Are you
// sure" is asked in a line of its own under the instance's buttons, which the lists' redrawing leaves be.
import { $, h, act, userText, stamp } from './dom.js';
import { confirmInline } from './admin-prompts.js';
import { api, isAdmin, myId, nameOf, instanceById, putMeeting, meetingsChanged, openView } from './state.js';

const RANK = { root: 5, admin: 4, owner: 3, cohost: 2, attendee: 1 };
const MODES = [['open', 'Everyone inside'], ['hosts_only', 'Hosts only'], ['off', 'Nobody (chat off)']];

/** Where the signed-in caller stands towards the meeting: root, admin, owner, cohost or attendee. */
export function standing(meeting) {
  if (isAdmin()) return myId() === null ? 'root' : 'admin';
  if (!meeting) return 'attendee';
  if (meeting.ownerId === myId()) return 'owner';
  return (meeting.cohostIds || []).includes(myId()) ? 'cohost' : 'attendee';
}

const rankOf = (meeting, userId) => {
  if (userId === meeting.ownerId) return RANK.owner;
  return (meeting.cohostIds || []).includes(userId) ? RANK.cohost : RANK.attendee;
};

/** Whether the caller may act on user {@code userId} in this meeting: a host reaches only those ranked below. */
const reaches = (meeting, userId) => userId !== myId() && RANK[standing(meeting)] >= RANK.cohost
  && RANK[standing(meeting)] > rankOf(meeting, userId);

/** Whether the caller hosts the meeting (co-host or above): sees its lobby and lets people in. */
export const hosts = (meeting) => RANK[standing(meeting)] >= RANK.cohost;

/** Whether the caller runs the meeting (owner or above): changes who waits in its lobby. */
export const runsMeeting = (meeting) => RANK[standing(meeting)] >= RANK.owner;

/** Whether the caller may end the meeting's instance for everyone. */
export function mayEnd(meeting) {
  const s = standing(meeting);
  return RANK[s] >= RANK.owner || (s === 'cohost' && meeting && meeting.cohostsCanEnd);
}

/** Whether the caller may post under the meeting's chat mode, and if not, why, in words. */
export function chatClosed(meeting) {
  const mode = meeting ? meeting.chatMode : 'open';
  if (mode === 'off') return 'The chat is off';
  if (mode === 'hosts_only' && RANK[standing(meeting)] < RANK.cohost) return 'Only the hosts may chat now';
  return null;
}

async function reloadMeeting(meetingId) {
  putMeeting(await api().get(`/meetings/${meetingId}`));
  meetingsChanged();
}

/** The host panel of the open instance: drawn for hosts only. */
export function renderHostControls(meeting) {
  const panel = $('host-controls');
  const s = standing(meeting);
  panel.hidden = !meeting || RANK[s] < RANK.cohost;
  if (panel.hidden) return;
  const error = $('host-error');
  $('host-role').textContent = { root: 'You run this meeting as the administrator.', admin: 'You run this meeting as an administrator.',
    owner: 'You own this meeting.', cohost: 'You co-host this meeting.' }[s];
  const mode = $('chat-mode');
  if (mode.options.length === 0) mode.append(...MODES.map(([value, label]) => h('option', { value }, label)));
  mode.value = meeting.chatMode || 'open';
  $('chat-clear').hidden = RANK[s] < RANK.owner;
  const cohosts = meeting.cohostIds || [];
  $('cohosts-empty').hidden = cohosts.length > 0;
  $('cohosts').replaceChildren(...cohosts.map((id) => {
    const li = h('li', { 'data-cohost': id }, id === myId() ? 'You' : userText(nameOf(id)), ' ');
    if (RANK[s] >= RANK.owner || id === myId()) {
      li.append(h('button', { type: 'button', class: 'quiet small', 'data-revoke': id, onclick: () => act(error, async () => {
        await api().delete(`/meetings/${meeting.id}/cohosts/${id}`);
        await reloadMeeting(meeting.id);
      }) }, id === myId() ? 'Step down' : 'Revoke'));
    }
    return li;
  }));
}

/** What the caller may do to one participant of the open instance, as buttons (none for attendees). */
export function participantActions(meeting, p) {
  if (!meeting || !reaches(meeting, p.userId)) return [];
  const view = openView();
  const error = $('host-error');
  const row = [];
  row.push(h('button', { type: 'button', class: 'quiet small', 'data-remove': p.userId, onclick: () => confirmInline(
    $('instance-confirm'), ['Remove ', userText(nameOf(p.userId)), ' from this meeting?'], 'Yes, remove',
    () => act(error, () => api().delete(`/instances/${view.id}/participants/${p.userId}`))) }, 'Remove'));
  row.push(h('button', { type: 'button', class: 'danger small', 'data-ban': p.userId, onclick: () => confirmInline(
    $('instance-confirm'), ['Ban ', userText(nameOf(p.userId)), ' from this meeting for good?'], 'Yes, ban',
    () => act(error, () => api().request('PUT', `/meetings/${meeting.id}/bans/${p.userId}`, {}))) }, 'Ban'));
  if (RANK[standing(meeting)] >= RANK.owner && rankOf(meeting, p.userId) === RANK.attendee) {
    row.push(h('button', { type: 'button', class: 'quiet small', 'data-make-cohost': p.userId, onclick: () => act(error, async () => {
      await api().request('PUT', `/meetings/${meeting.id}/cohosts/${p.userId}`);
      await reloadMeeting(meeting.id);
    }) }, 'Make co-host'));
  }
  return [' ', h('span', { class: 'row-actions' }, row)];
}

/** A delete button on a message its author or a host above them may delete. */
export function messageActions(meeting, m) {
  if (!meeting || (m.userId !== myId() && !reaches(meeting, m.userId))) return [];
  const view = openView();
  return [' ', h('button', { type: 'button', class: 'quiet small', 'data-delete-message': m.id,
    'aria-label': `Delete message ${m.id}`, onclick: () => confirmInline($('instance-confirm'),
      ['Delete the message of ', userText(nameOf(m.userId)), ' sent at ', new Date(m.timestamp).toLocaleTimeString(), '?'],
      'Yes, delete', () => act($('instance-error'), () => api().delete(`/instances/${view.id}/messages/${m.id}`))) }, 'Delete')];
}

/**
 * Applies what hosts did, as the instance's stream tells it: a deleted message leaves the chat, a cleared chat
 * empties it, and a change to the meeting (options, co-hosts, owner) reads it again. Returns whether it was one.
 */
export function applyHostEntry(view, kind, entry) {
  if (kind === 'message_deleted') {
    view.messages = view.messages.filter((m) => m.id !== entry.number);
    view.onlyMessages = view.onlyMessages.filter((m) => m.id !== entry.number);
  } else if (kind === 'chat_cleared') {
    view.messages = [];
    view.onlyMessages = [];
    view.moreMessages = false;
  } else if (['options_changed', 'role_changed', 'owner_transferred'].includes(kind)) {
    reloadMeeting(entry.meetingId).catch(() => {});
  } else {
    return ['participant_removed', 'participant_banned', 'participant_unbanned'].includes(kind);
  }
  return true;
}

/** What each recorded action is called in the activity list: "<who> <words> <whom>". */
const DONE = {
  participant_removed: 'removed', participant_banned: 'banned', participant_unbanned: 'lifted the ban of',
  message_deleted: 'deleted a message of', chat_cleared: 'cleared the chat', options_changed: 'changed the options',
  cohost_appointed: 'made co-host', cohost_revoked: 'revoked co-host', owner_transferred: 'handed the meeting to',
  instance_ended: 'ended the meeting for everyone', meeting_created: 'made the meeting', meeting_changed: 'changed the meeting',
  meeting_deleted: 'deleted the meeting', instance_scheduled: 'scheduled an occurrence', instance_moved: 'moved an occurrence',
  instance_deleted: 'deleted an occurrence', series_created: 'made a series', series_cut: 'changed a series from an occurrence on',
  occurrence_cancelled: 'cancelled an occurrence of a series', series_deleted: 'deleted a series',
  attendance_read: 'read the attendance', chain_trimmed: 'trimmed records past their retention',
};

function whom(record) {
  const target = /^user:(\d+)$/.exec(record.target || '') || (record.action === 'owner_transferred' ? [null, record.after] : null);
  if (target) return userText(nameOf(Number(target[1])));
  if (record.details && record.details.author) return userText(nameOf(Number(record.details.author)));
  return '';
}

/** The meeting's audit trail, newest first, in words: who did what to whom, and when. */
async function showActivity(meetingId) {
  const records = await api().get(`/meetings/${meetingId}/audit?limit=20`);
  $('host-activity').replaceChildren(...(records.length === 0 ? [h('li', { class: 'hint' }, 'Nothing yet.')]
    : records.map((r) => h('li', { 'data-audit': r.seq }, stamp(r.at), ' ',
      r.actor.kind === 'root' ? 'The administrator' : userText(nameOf(r.actor.id)), ' ', DONE[r.action] || r.action, ' ',
      whom(r)))));
}

export function wireHostControls() {
  const error = $('host-error');
  $('host-activity-show').addEventListener('click', () => act(error, () => showActivity(instanceById(openView().id).meetingId)));
  $('chat-mode').addEventListener('change', (e) => act(error, async () => {
    const meetingId = instanceById(openView().id).meetingId;
    putMeeting(await api().request('PATCH', `/meetings/${meetingId}`, { chatMode: e.target.value }));
    meetingsChanged();
  }));
  $('chat-clear').addEventListener('click', () => confirmInline($('chat-clear').parentElement,
    'Clear every message of this chat for everyone?', 'Yes, clear', () => act(error,
      () => api().delete(`/instances/${openView().id}/messages`))));
}

