// The Convene console: meetings and their instances live from /stream, one instance's
// participants, chat and event log live from /instances/{id}/stream, and the actions a signed-in
// administrator or user may take. It uses only the public API (see /docs).
import { Api, ApiError } from './api.js';
import { LiveStream } from './live.js';
import { $, h, act, timeFormat, stamp, windowText, dayFormat } from './dom.js';
import { wireAdmin, loadAdmin, loadUsers } from './admin.js';
import {
  api, setCaller, me, isAdmin, myId, nameOf, knownName, knowsName, rememberName, meetingById, hasMeeting, putMeeting,
  meetingList, instanceById, hasInstance, putInstance, forgetInstance, instanceList, isOpen, openView, setOpenView,
  setShowing, latestNotice, setNotice, now, setClockSkew, onMeetingsChanged, meetingsChanged,
} from './state.js';

const MAX_TEXT = 4000;
const PAGE = 50;
const NEWEST = Number.MAX_SAFE_INTEGER; // a cursor above every id: "before" it is the latest page
/** Past instances listed before "Show all". */
const PAST_SHOWN = 10;

/** Reads the server's clock from /health, taken at the middle of the round trip, so that countdowns agree with the scheduler. */
async function syncClock() {
  const sent = Date.now();
  const health = await fetch('/health').then((r) => r.json());
  setClockSkew(new Date(health.time).getTime() - (sent + Date.now()) / 2);
}

/** "in 4 s", "2 min ago": how far an instant is from now. */
function relative(iso) {
  const seconds = Math.round((new Date(iso).getTime() - now()) / 1000);
  const size = Math.abs(seconds);
  const text = size < 90 ? `${size} s` : size < 5400 ? `${Math.round(size / 60)} min`
    : size < 172800 ? `${Math.round(size / 3600)} h` : `${Math.round(size / 86400)} days`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

let feed = null; // the /stream LiveStream, open for as long as the page

// ---- sign in and out ---------------------------------------------------------------------

async function signIn(token) {
  const client = new Api(token);
  const caller = await client.get('/me');
  await syncClock().catch(() => {});
  setCaller(client, caller);
  sessionStorage.setItem('convene.token', token);
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('nav').hidden = !isAdmin();
  $('who').replaceChildren(h('span', { class: 'wide-only' }, 'Signed in as '), isAdmin() ? 'the administrator'
    : `${me().user.name} (${me().user.email})`);
  await loadMeetings();
  if (isAdmin()) await loadUsers();
  feed = new LiveStream('/stream?scope=lifecycle', token, {
    onEntry: onLifecycle,
    onState: (s, detail) => showLive($('live'), s, detail, 'Meetings'),
    stillThere: () => gone('/me'),
  });
  setInterval(tick, 1000);
  route();
  window.addEventListener('hashchange', route);
}

/**
 * The view the address names: #/admin is the administration (the administrator's only), #/instances/<id>
 * an instance among the meetings (shared, bookmarked or reloaded, it opens after sign-in), anything else
 * the meetings.
 */
function route() {
  const admin = location.hash === '#/admin' && isAdmin();
  setShowing(admin ? 'admin' : 'meetings');
  $('admin').hidden = !admin;
  $('meetings').hidden = admin;
  $('instance').hidden = admin;
  $('console').classList.toggle('admin-view', admin);
  $('nav-admin').setAttribute('aria-current', admin ? 'page' : 'false');
  $('nav-meetings').setAttribute('aria-current', admin ? 'false' : 'page');
  if (admin) {
    act($('user-error'), loadAdmin);
    return;
  }
  const linked = /^#\/instances\/(\d+)$/.exec(location.hash);
  if (linked && !isOpen(Number(linked[1]))) openInstance(Number(linked[1]));
}

function signOut() {
  sessionStorage.removeItem('convene.token');
  location.reload();
}

/** Resolves to a reason when a stream's resource can no longer be had, or null when retrying may help. */
async function gone(path) {
  try {
    await api().get(path);
    return null;
  } catch (e) {
    return e instanceof ApiError && [401, 403, 404].includes(e.status) ? e.message : null;
  }
}

/** Streams that lost their connection: while any has, what the page shows may be out of date, and it says so. */
const lost = new Set();

function showLive(element, s, detail, what) {
  const text = {
    connecting: 'connecting…', live: 'up to date', reconnecting: 'connection lost, reconnecting…', closed: detail,
  }[s];
  element.textContent = `${what}: ${text}`;
  element.className = `live ${s}`;
  element.dataset.state = s;
  if (s === 'reconnecting') lost.add(element.id);
  else lost.delete(element.id);
  const stale = lost.size > 0;
  $('stale').hidden = !stale;
  document.body.classList.toggle('stale', stale);
}

// ---- meetings and instances --------------------------------------------------------------

async function loadMeetings() {
  const meetings = await api().all('/meetings');
  for (const meeting of meetings) putMeeting(meeting);
  const lists = await Promise.all(meetings.map((m) => api().get(`/meetings/${m.id}/instances`)));
  // The stream replays every instance's lifecycle in order and ends at the present; the list only
  // fills in instances the stream has not mentioned (their history may have been trimmed).
  for (const instance of lists.flat()) if (!hasInstance(instance.id)) putInstance(instance);
  meetingsChanged();
}

/** Reads a meeting the feed named before the page knew it, and draws it once known. */
function readMeeting(id) {
  api().get(`/meetings/${id}`).then((m) => { putMeeting(m); meetingsChanged(); }, () => {});
}

async function onLifecycle(kind, entry) {
  if (kind === 'reminder') {
    // The stream replays what happened before: only a notice still ahead is news.
    if (new Date(entry.from).getTime() > now()) {
      setNotice({ meetingId: entry.meetingId, from: entry.from });
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
    putInstance({ id: entry.instanceId, meetingId: entry.meetingId, ...window, status });
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
  if (isOpen(entry.instanceId)) renderInstance();
}

/** The latest "starting soon" notice, named by its meeting's title as soon as the meeting is known. */
function renderNotice() {
  const notice = latestNotice();
  $('notice').hidden = !notice;
  if (!notice) return;
  const meeting = meetingById(notice.meetingId);
  $('notice').textContent = `Starting soon: ${meeting ? meeting.title : 'a meeting'}, ${timeFormat.format(new Date(notice.from))}.`;
}

/** Whether a meeting matches what is typed in the search box. */
function matches(meeting) {
  const wanted = $('meeting-search').value.trim().toLowerCase();
  return !wanted || `${meeting.title} ${meeting.description || ''}`.toLowerCase().includes(wanted);
}

/** One instance as a row: its meeting, its date, its status and the time to its next change. */
function instanceRow(instance, meeting) {
  return h('li', {}, h('button', {
    type: 'button', 'data-instance': instance.id, 'data-status': instance.status,
    'aria-current': isOpen(instance.id) ? 'true' : 'false',
    onclick: () => openInstance(instance.id),
  },
  h('span', { class: 'meeting-title' }, meeting ? meeting.title : `Meeting ${instance.meetingId}`),
  meeting ? h('span', { class: 'badge' }, meeting.isPublic ? 'public' : 'private') : null,
  h('span', { class: 'date' }, windowText(instance.from, instance.to)),
  h('span', { class: `status status-${instance.status}` }, instance.status),
  h('span', { class: 'when', 'data-countdown': instance.id }, when(instance))));
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
  const fill = (name, list, limit = list.length) => {
    $(`group-${name}`).replaceChildren(...list.slice(0, limit).map((i) => instanceRow(i, meetingById(i.meetingId))));
    $(`group-${name}-count`).textContent = `(${list.length})`;
    $(`group-${name}-empty`).hidden = list.length > 0;
  };
  fill('live', live);
  fill('upcoming', upcoming);
  // The open instance stays listed even when it is an old one.
  const open = openView();
  const openPast = open ? past.findIndex((i) => i.id === open.id) : -1;
  fill('past', past, allPast ? past.length : Math.max(PAST_SHOWN, openPast + 1));
  $('past-more').hidden = allPast || past.length <= PAST_SHOWN;
  $('past-more').textContent = `Show all ${past.length} past instances`;
  $('meetings-empty').hidden = meetings.length > 0;
  $('meetings-none-found').hidden = meetings.length === 0 || shown.length > 0 || !$('meeting-search').value.trim();
  renderNotice();
}

/** What the clock means for an instance: the time to its start or end. */
function when(instance) {
  if (instance.status === 'scheduled') return `starts ${relative(instance.from)}`;
  if (instance.status === 'active') return `ends ${relative(instance.to)}`;
  const endedAt = instance.endedAt || instance.to;
  return instance.endedBy === 'administrator'
    ? `ended by the administrator at ${timeFormat.format(new Date(endedAt))} (planned until ${timeFormat.format(new Date(instance.to))})`
    : `ended ${timeFormat.format(new Date(endedAt))}, as scheduled`;
}

function tick() {
  for (const element of document.querySelectorAll('[data-countdown]')) {
    const instance = instanceById(Number(element.dataset.countdown));
    if (instance) element.textContent = when(instance);
  }
  if (openView()) $('instance-state').replaceChildren(...instanceState());
}

// ---- one instance ------------------------------------------------------------------------

/**
 * Opens an instance: reads the latest page of its events log, then its participants, then the
 * latest page of chat, then follows its stream from the start of its feed. Entries the pages
 * already hold (by number) are skipped; the joins, leaves and timeouts after the events page are
 * applied on top of the participants, in order, which gives the current state even when some of
 * them happened between the reads.
 */
async function openInstance(id) {
  closeInstance();
  if (location.hash !== `#/instances/${id}`) history.replaceState(null, '', `#/instances/${id}`);
  const view = {
    id, inside: null, stream: null, renderSoon: null, scrollSoon: false,
    participants: new Map(), messages: [], events: [], lastEvent: 0, lastMessage: 0,
    moreMessages: false, moreEvents: false, amIn: false, attendanceShown: false,
    only: null, onlyMessages: [], // function 9: one user's messages, when the filter names a user
  };
  setOpenView(view);
  $('instance-hint').hidden = true;
  $('instance-body').hidden = false;
  $('instance-error').textContent = '';
  $('attendance-summary').textContent = '';
  $('end-confirm-row').hidden = true;
  $('attendance-table').hidden = true;
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
      view.inside = false; // not in a private meeting's audience: may still try to join, and be told why not
      renderInstance();
      return;
    }
    $('instance-error').textContent = e.message;
    return;
  }
  view.stream = new LiveStream(`/instances/${id}/stream`, api().token, {
    onEntry: (kind, entry) => applyEntry(view, kind, entry),
    onState: (s, detail) => showLive($('instance-live'), s, detail, 'Instance'),
    stillThere: () => gone(`/instances/${id}/participants`),
  });
  renderInstance(true);
}

function closeInstance() {
  const view = openView();
  if (view && view.stream) view.stream.close();
  if (view) clearTimeout(view.renderSoon);
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
  if (!instance) return ['This instance was deleted.'];
  return [h('span', { class: `status status-${instance.status}`, id: 'instance-status' }, instance.status), ' · ',
    `${timeFormat.format(new Date(instance.from))} – ${timeFormat.format(new Date(instance.to))} · `, when(instance)];
}

function renderInstance(scrollChat = false) {
  const view = openView();
  if (!view) return;
  const instance = instanceById(view.id);
  const meeting = instance && meetingById(instance.meetingId);
  const day = instance ? `${dayFormat.format(new Date(instance.from))} · ` : '';
  $('instance-title').textContent = meeting ? `${meeting.title} · ${day}instance #${view.id}` : `Instance #${view.id}`;
  $('instance-state').replaceChildren(...instanceState());

  const active = instance && instance.status === 'active';
  const user = !isAdmin();
  view.amIn = user && view.participants.has(myId());
  $('join').hidden = !user;
  $('leave').hidden = !user;
  $('end').hidden = user;
  // Outside a private meeting's audience: no join to be refused at, and the reason said to them.
  $('join').disabled = !active || view.amIn || view.inside === false;
  $('leave').disabled = !active || !view.amIn;
  $('end').disabled = !active;
  $('instance-private').hidden = view.inside !== false;
  $('instance-inside').hidden = view.inside !== true;
  $('post-form').hidden = !user;
  const mayPost = active && view.amIn;
  $('message').disabled = !mayPost;
  $('post').disabled = !mayPost || $('message').value.trim() === '';
  $('message').placeholder = mayPost ? 'Say something' : active ? 'Join to post' : 'The instance is not active';

  const participants = [...view.participants.values()].sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  $('participant-count').textContent = `(${participants.length})`;
  $('participants-empty').hidden = participants.length > 0;
  $('participants').replaceChildren(...participants.map((p) => h('li', { 'data-user': p.userId },
    p.userId === myId() ? 'You' : p.name, ' ', h('span', { class: 'hint' }, 'joined '), stamp(p.joinedAt))));

  renderFilter(view);
  const chat = $('chat');
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
  const shown = view.only === null ? view.messages : view.onlyMessages;
  chat.replaceChildren(...shown.map((m) => h('li', { 'data-message': m.id, class: m.userId === myId() ? 'mine' : false },
    h('span', { class: 'author' }, nameOf(m.userId)), ' ', stamp(m.timestamp), h('br'), h('span', { class: 'text' }, m.text))));
  if (scrollChat || atBottom) chat.scrollTop = chat.scrollHeight;
  $('chat-earlier').hidden = !view.moreMessages || view.only !== null;

  // Events are named as the seed names them, in the events log and on the streams alike.
  // A timeout is the seed's name for being inside when the meeting ended: said as that, with why.
  const ending = instance && instance.endedBy === 'administrator' ? 'the administrator ended the meeting' : 'the meeting ended';
  const label = (e, was) => {
    if (e.type === 'join_meeting') return 'joined';
    if (e.type === 'leave_meeting') return e.reason === 'removed' ? `${was} taken out (no longer in the audience)` : 'left';
    if (e.type === 'timeout') return e.reason === 'reaped' ? `${was} taken out after going quiet` : `${was} in when ${ending}`;
    return e.type;
  };
  $('events').replaceChildren(...view.events.map((e) => {
    const who = nameOf(e.userId);
    return h('li', { 'data-event': e.id }, stamp(e.timestamp), ` ${who} ${label(e, who === 'You' ? 'were' : 'was')}`);
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
  if (wanted.join() !== present.join() || [...select.options].some((o) => o.value && o.textContent !== nameOf(Number(o.value)))) {
    select.replaceChildren(...wanted.map((id) => h('option', { value: id }, id ? nameOf(Number(id)) : 'everyone')));
  }
  select.value = view.only === null ? '' : String(view.only);
}

/** Function 9: shows only one user's messages in this instance, read whole from the server. */
async function filterChat(value) {
  const view = openView();
  if (!view) return;
  if (value === '') {
    view.only = null;
    renderInstance(true);
    return;
  }
  const userId = Number(value);
  const messages = await act($('instance-error'),
    () => api().get(`/instances/${view.id}/messages?userId=${userId}&limit=1000`));
  if (openView() !== view || !messages) return;
  view.only = userId;
  view.onlyMessages = messages;
  renderInstance(true);
}

/** Loads the page before the oldest item held, keeping the reader's place in the list. */
async function loadEarlier(what) {
  const view = openView();
  if (!view || view.loading) return;
  const items = what === 'messages' ? view.messages : view.events;
  if (items.length === 0) return;
  view.loading = true;
  try {
    const page = await api().get(`/instances/${view.id}/${what}?before=${items[0].id}&limit=${PAGE}`);
    if (openView() !== view) return;
    items.unshift(...page);
    if (what === 'messages') view.moreMessages = page.length === PAGE;
    else view.moreEvents = page.length === PAGE;
    const list = what === 'messages' ? $('chat') : $('events');
    const fromBottom = list.scrollHeight - list.scrollTop;
    renderInstance();
    list.scrollTop = list.scrollHeight - fromBottom;
  } catch (e) {
    $('instance-error').textContent = e.message;
  } finally {
    view.loading = false;
  }
}

// ---- actions -----------------------------------------------------------------------------

// ---- attendance --------------------------------------------------------------------------

const ENDED_BY = { left: 'left', timeout: 'until the end', removed: 'removed', reaped: 'stopped answering' };

function minutes(seconds) {
  const m = Math.floor(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min ${seconds % 60} s`;
}

/** Reads the instance's report and draws it: one row a person, each stretch they were in. */
async function showAttendance(view) {
  view.attendanceShown = true;
  const report = await api().get(`/instances/${view.id}/attendance`);
  if (openView() !== view) return;
  const peak = report.peakAt ? `, at most ${report.peakConcurrent} at once (${timeFormat.format(new Date(report.peakAt))})` : '';
  $('attendance-summary').textContent = report.uniqueAttendees === 0 ? 'Nobody has joined yet.'
    : `${report.uniqueAttendees} ${report.uniqueAttendees === 1 ? 'person' : 'people'}${peak}.`;
  $('attendance-rows').replaceChildren(...report.attendees.map((a) => h('tr', { 'data-user': a.userId },
    h('th', { scope: 'row' }, a.userId === myId() ? 'You' : a.name),
    h('td', {}, minutes(a.presentSeconds)),
    h('td', {}, report.actual ? `${Math.round(a.shareOfActual * 100)}%` : '–'),
    h('td', {}, a.segments.map((s) => `${timeFormat.format(new Date(s.joinedAt))} – ${s.leftAt
      ? `${timeFormat.format(new Date(s.leftAt))} (${ENDED_BY[s.endedBy] || s.endedBy})` : 'now'}`).join('; ')))));
  $('attendance-table').hidden = report.attendees.length === 0;
}

/** Saves the report as CSV: fetched with the token (a plain link could not send it), then handed to the browser. */
async function downloadAttendance(view) {
  const blob = await api().blob(`/instances/${view.id}/attendance`, 'text/csv');
  const link = h('a', { href: URL.createObjectURL(blob), download: `instance-${view.id}-attendance.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function wireActions() {
  $('attendance-show').addEventListener('click', () => act($('instance-error'), () => showAttendance(openView())));
  $('attendance-csv').addEventListener('click', () => act($('instance-error'), () => downloadAttendance(openView())));
  const instanceError = $('instance-error');
  $('join').addEventListener('click', () => act(instanceError, async () => {
    await api().post(`/instances/${openView().id}/participants`, { userId: myId() });
    // Shown at once; the stream confirms it with the join time.
    openView().participants.set(myId(), { userId: myId(), name: 'You', joinedAt: new Date(now()).toISOString() });
    renderInstance();
    $('message').focus();
  }));
  $('leave').addEventListener('click', () => act(instanceError, async () => {
    await api().delete(`/instances/${openView().id}/participants/${myId()}`);
    openView().participants.delete(myId());
    renderInstance();
  }));
  // Ending takes everyone out at once: it is asked for twice, the second time in words.
  $('end').addEventListener('click', () => { $('end-confirm-row').hidden = false; $('end-confirm').focus(); });
  $('end-cancel').addEventListener('click', () => { $('end-confirm-row').hidden = true; $('end').focus(); });
  $('end-confirm').addEventListener('click', () => act(instanceError, async () => {
    $('end-confirm-row').hidden = true;
    await api().post(`/instances/${openView().id}/end`);
  }));

  const message = $('message');
  const count = () => {
    $('message-count').textContent = `${message.value.length} / ${MAX_TEXT}`;
    $('post').disabled = message.disabled || message.value.trim() === '';
  };
  message.maxLength = MAX_TEXT;
  message.addEventListener('input', count);
  message.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('post-form').requestSubmit();
    }
  });
  $('post-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = message.value;
    if (text.trim() === '' || message.disabled) return;
    act(instanceError, async () => {
      // One key per message: a retried send is stored once.
      await api().post(`/instances/${openView().id}/messages`, { userId: myId(), text },
        { 'Idempotency-Key': crypto.randomUUID() });
      message.value = '';
      count();
    });
  });
  $('chat-earlier').addEventListener('click', () => loadEarlier('messages'));
  $('chat-filter').addEventListener('change', (e) => filterChat(e.target.value));
  $('events-earlier').addEventListener('click', () => loadEarlier('events'));
  $('chat').addEventListener('scroll', () => { if ($('chat').scrollTop < 20 && openView() && openView().moreMessages) loadEarlier('messages'); });
}

// ---- start -------------------------------------------------------------------------------

function start() {
  wireActions();
  onMeetingsChanged(renderMeetings);
  wireAdmin();
  $('meeting-search').addEventListener('input', renderMeetings);
  $('past-more').addEventListener('click', () => { $('past-more').dataset.all = 'true'; renderMeetings(); });
  $('sign-out').addEventListener('click', signOut);
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      await signIn($('token').value.trim());
    } catch (err) {
      $('sign-in-error').textContent = err.status === 401 ? 'That token is not valid.' : err.message;
    }
  });
  const saved = sessionStorage.getItem('convene.token');
  if (saved) signIn(saved).catch(() => sessionStorage.removeItem('convene.token'));
}

start();
