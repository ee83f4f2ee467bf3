// The open instance: what it holds (participants, the latest pages of chat and of its event log),
// kept current from its own stream, and drawn beside the meetings list. Only one instance is open
// at a time; its view object lives in the shared state so that the list can mark it and the
// address can name it, and every late answer checks that its instance is still the open one.
import { ApiError } from './api.js';
import { LiveStream } from './live.js';
import { $, h, windowText, stamp, dayText, userText, isolatedText, statusText } from './dom.js';
import { gone, showLive } from './connection.js';
import { when } from './countdown.js';
import { showAttendance } from './attendance.js';
import { applyHostEntry, chatClosed, hosts, mayEnd, messageActions, participantActions, renderHostControls, runsMeeting } from './host-controls.js';
import { drawWait, lobbyEntryForMe, refreshLobby, stopWaiting } from './lobby.js';
import { renderOccurrenceActions } from './occurrence-actions.js';
import { renderCall } from './call-link.js';
import {
  api, isGuest, myId, nameOf, knownName, knowsName, rememberName, meetingById, instanceById,
  openView, setOpenView, meetingsChanged,
} from './state.js';

export const PAGE = 50;
const NEWEST = Number.MAX_SAFE_INTEGER; // a cursor above every id: "before" it is the latest page

/**
 * Opens an instance: reads the latest page of its events log, then its participants, then the
 * latest page of chat, then follows its stream from the start of its feed. Entries the pages
 * already hold (by number) are skipped; the joins, leaves and timeouts after the events page are
 * applied on top of the participants, in order, which gives the current state even when some of
 * them happened between the reads.
 */
export async function openInstance(id) {
  closeInstance();
  if (location.hash !== `#/instances/${id}`) history.replaceState(null, '', `#/instances/${id}`);
  const view = {
    id, inside: null, stream: null, renderSoon: null, scrollSoon: false,
    participants: new Map(), messages: [], events: [], lastEvent: 0, lastMessage: 0,
    moreMessages: false, moreEvents: false, amIn: false, attendanceShown: false,
    only: null, onlyMessages: [], // function 9: one user's messages, when the filter names a user
    waiting: null, waitTimer: null, lobbySoon: null, // one's own wait in its lobby (lobby.js)
    reopen: () => openInstance(id),
  };
  setOpenView(view);
  $('console').classList.add('instance-open');
  $('instance-hint').hidden = true;
  $('instance-body').hidden = false;
  $('instance-error').textContent = '';
  $('attendance-summary').textContent = '';
  $('end-confirm-row').hidden = true;
  $('attendance-table').hidden = true;
  $('attendance-timeline').hidden = true;
  $('attendance-tools').hidden = true;
  meetingsChanged(); // the list marks the open instance
  renderInstance();
  // Keyboard and screen-reader users land on what they opened; on a phone it scrolls into view.
  $('instance-title').focus();
  try {
    const events = await api().get(`/instances/${id}/events?before=${NEWEST}&limit=${PAGE * 2}`);
    const participants = await api().get(`/instances/${id}/participants`);
    const messages = await api().get(`/instances/${id}/messages?before=${NEWEST}&limit=${PAGE}`);
    if (openView() !== view) return;
    view.inside = true;
    view.events = events;
    view.moreEvents = events.length === PAGE * 2;
    view.lastEvent = events.length ? events[events.length - 1].id : 0;
    for (const p of participants) { view.participants.set(p.userId, p); rememberName(p.userId, p.name); }
    view.messages = messages;
    view.moreMessages = messages.length === PAGE;
    view.lastMessage = messages.length ? messages[messages.length - 1].id : 0;
  } catch (e) {
    if (openView() !== view) return;
    if (e instanceof ApiError && e.status === 403) {
      view.inside = false; // not in a private meeting's audience: may still knock where its lobby lets them wait
      renderInstance();
      return;
    }
    $('instance-error').textContent = e.message;
    return;
  }
  view.stream = new LiveStream(`/instances/${id}/stream`, api().token, {
    onEntry: (kind, entry) => applyEntry(view, kind, entry),
    onState: (s, detail) => showLive($('instance-live'), s, detail, 'This meeting'),
    stillThere: () => gone(`/instances/${id}/participants`),
  });
  renderInstance(true);
  lobbyChanged(view);
}

/** The hosts' lobby panel is read again (once, however many lobby entries come in a burst). */
function lobbyChanged(view) {
  if (view.lobbySoon) return;
  view.lobbySoon = setTimeout(() => {
    view.lobbySoon = null;
    const instance = instanceById(view.id);
    const meeting = instance && meetingById(instance.meetingId);
    if (openView() === view && meeting) refreshLobby(view, meeting, hosts(meeting), runsMeeting(meeting));
  }, 100);
}

/** Back to the list on a phone: the open meeting closes, and the address forgets it. */
export function backToList() {
  closeInstance();
  setOpenView(null);
  $('console').classList.remove('instance-open');
  $('instance-body').hidden = true;
  $('instance-hint').hidden = false;
  $('instance-title').textContent = 'No meeting open';
  history.replaceState(null, '', location.pathname + location.search);
  meetingsChanged();
  document.querySelector('[data-instance]')?.focus();
}

function closeInstance() {
  const view = openView();
  if (view && view.stream) view.stream.close();
  if (view) clearTimeout(view.renderSoon);
  if (view) clearTimeout(view.lobbySoon);
  stopWaiting(view);
  setOpenView(null);
}

function applyEntry(view, kind, entry) {
  if (openView() !== view) return;
  const instance = instanceById(view.id);
  if (kind === 'chat') {
    if (entry.number <= view.lastMessage) return;
    const message = { id: entry.number, userId: entry.userId, text: entry.text, timestamp: entry.at };
    view.messages.push(message);
    if (view.only === entry.userId) view.onlyMessages.push(message);
    view.lastMessage = entry.number;
  } else if (['join_meeting', 'leave_meeting', 'timeout'].includes(kind)) {
    if (entry.number <= view.lastEvent) return;
    view.events.push({ id: entry.number, type: kind, userId: entry.userId, timestamp: entry.at, reason: entry.reason });
    view.lastEvent = entry.number;
    if (kind === 'join_meeting') {
      const known = view.participants.get(entry.userId);
      view.participants.set(entry.userId, { userId: entry.userId, name: known ? known.name : nameOf(entry.userId), joinedAt: entry.at });
      if (!known && !knowsName(entry.userId)) refreshNames(view);
    } else {
      view.participants.delete(entry.userId);
    }
  } else if (kind === 'activated' && instance) {
    instance.status = 'active';
  } else if (kind === 'ended') {
    if (instance) instance.status = 'ended';
    view.participants.clear();
    if (view.attendanceShown) showAttendance(view); // the report is final now: show it as it stands
  } else if (kind.startsWith('lobby_')) {
    if (entry.userId === myId()) lobbyEntryForMe(view);
    lobbyChanged(view);
  } else if (applyHostEntry(view, kind, entry)) {
    if (kind === 'options_changed') lobbyChanged(view);
    // what a host did: applied above
  }
  // A resumed stream can bring thousands of entries at once: draw them together.
  view.scrollSoon ||= kind === 'chat';
  if (!view.renderSoon) {
    view.renderSoon = setTimeout(() => {
      view.renderSoon = null;
      renderInstance(view.scrollSoon);
      view.scrollSoon = false;
    }, 16);
  }
}

/** A newcomer's name comes with the participants list; read it once rather than show a number. */
function refreshNames(view) {
  api().get(`/instances/${view.id}/participants`).then((list) => {
    for (const p of list) rememberName(p.userId, p.name);
    for (const [id, p] of view.participants) p.name = knownName(id) || p.name;
    if (openView() === view) renderInstance();
  }, () => {});
}

function instanceState() {
  const instance = instanceById(openView().id);
  if (!instance) return ['This occurrence was deleted or cancelled.'];
  return [h('span', { class: `status status-${instance.status}`, id: 'instance-status' }, statusText(instance.status)), ' · ',
    `${windowText(instance.from, instance.to)} · `, when(instance)];
}

/** The open instance's status line, said again as time passes. */
export function redrawInstanceState() {
  if (openView()) $('instance-state').replaceChildren(...instanceState());
}

export function renderInstance(scrollChat = false) {
  const view = openView();
  if (!view) return;
  const instance = instanceById(view.id);
  const meeting = instance && meetingById(instance.meetingId);
  const day = instance ? `${dayText(new Date(instance.from))} · ` : '';
  $('instance-title').replaceChildren(...(meeting ? [userText(meeting.title), ` · ${day}occurrence #${view.id}`] : [`Occurrence #${view.id}`]));
  $('instance-state').replaceChildren(...instanceState());

  const active = instance && instance.status === 'active';
  // A user joins and posts; root, no user, only watches. An administrator with a user does both.
  const user = myId() !== null;
  view.amIn = user && view.participants.has(myId());
  $('join').hidden = !user;
  $('leave').hidden = !user;
  $('end').hidden = !mayEnd(meeting);
  // Outside a private meeting's audience: no join to be refused at, and the reason said to them.
  // Outside a private meeting's audience, joining is knocking where its lobby lets outsiders wait.
  const knocks = meeting && meeting.lobby && meeting.lobby !== 'off';
  const waits = view.waiting && ['waiting', 'admitted'].includes(view.waiting.state);
  const guest = isGuest();
  $('join').disabled = !active || view.amIn || waits || (view.inside === false && !knocks && !guest);
  $('join').textContent = !view.amIn && knocks && (view.inside === false || meeting.lobby === 'everyone') && !hosts(meeting)
    ? 'Ask to join' : 'Join';
  $('leave').disabled = !active || !view.amIn;
  $('end').disabled = !active;
  $('instance-private').hidden = view.inside !== false || knocks || guest;
  $('instance-knock').hidden = view.inside !== false || !knocks;
  drawWait(view);
  $('instance-inside').hidden = view.inside !== true;
  $('post-form').hidden = !user;
  const closed = chatClosed(meeting);
  const mayPost = active && view.amIn && !closed;
  $('message').disabled = !mayPost;
  $('post').disabled = !mayPost || $('message').value.trim() === '';
  $('message').placeholder = mayPost ? 'Say something' : !active ? 'The meeting is not live'
    : closed || 'Join to post';
  renderHostControls(meeting);
  renderOccurrenceActions(instance, meeting);
  renderCall(view, instance, meeting);

  const participants = [...view.participants.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  $('participant-count').textContent = `(${participants.length})`;
  $('participants-empty').hidden = participants.length > 0;
  $('participants').replaceChildren(...participants.map((p) => h('li', { 'data-user': p.userId },
    p.userId === myId() ? 'You' : userText(p.name), ' ', h('span', { class: 'hint' }, 'joined '), stamp(p.joinedAt),
    ...participantActions(meeting, p))));

  renderFilter(view);
  const chat = $('chat');
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
  const shown = view.only === null ? view.messages : view.onlyMessages;
  chat.replaceChildren(...shown.map((m) => h('li', { 'data-message': m.id, class: m.userId === myId() ? 'mine' : false },
    h('span', { class: 'author' }, nameOf(m.userId)), ' ', stamp(m.timestamp), ...messageActions(meeting, m), h('br'),
    h('span', { class: 'text' }, m.text))));
  if (scrollChat || atBottom) chat.scrollTop = chat.scrollHeight;
  $('chat-earlier').hidden = !view.moreMessages || view.only !== null;

  // Events are named as the seed names them, in the events log and on the streams alike.
  // A timeout is the seed's name for being inside when the meeting ended: said as that, with why.
  const ending = instance && instance.endedBy === 'administrator' ? 'the administrator ended the meeting' : 'the meeting ended';
  const label = (e, was) => {
    if (e.type === 'join_meeting') return 'joined';
    if (e.type === 'leave_meeting') {
      if (e.reason === 'removed') return `${was} taken out (no longer in the audience)`;
      if (e.reason === 'kicked') return `${was} removed by a host`;
      if (e.reason === 'banned') return `${was} banned by a host`;
      return 'left';
    }
    if (e.type === 'timeout') return e.reason === 'reaped' ? `${was} taken out after going quiet` : `${was} in when ${ending}`;
    return e.type;
  };
  $('events').replaceChildren(...view.events.map((e) => {
    const who = nameOf(e.userId);
    return h('li', { 'data-event': e.id }, stamp(e.timestamp), ' ', who === 'You' ? who : userText(who),
      ` ${label(e, who === 'You' ? 'were' : 'was')}`);
  }));
  $('events-earlier').hidden = !view.moreEvents;
}

/** The filter offers everyone whose name the console knows in this instance: participants, past and present. */
function renderFilter(view) {
  const select = $('chat-filter');
  const people = new Set([...view.participants.keys(), ...view.events.map((e) => e.userId), ...view.messages.map((m) => m.userId)]);
  if (view.only !== null) people.add(view.only);
  const wanted = ['', ...[...people].sort((a, b) => a - b).map(String)];
  const present = [...select.options].map((o) => o.value);
  const label = (id) => isolatedText(nameOf(Number(id)));
  if (wanted.join() !== present.join() || [...select.options].some((o) => o.value && o.textContent !== label(o.value))) {
    select.replaceChildren(...wanted.map((id) => h('option', { value: id }, id ? label(id) : 'everyone')));
  }
  select.value = view.only === null ? '' : String(view.only);
}
