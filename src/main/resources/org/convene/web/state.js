// What the console's views share, held here and nowhere else: who is signed in and the API client
// that speaks for them, which view the address shows and which instance is open, the meetings,
// instances and names read so far, the latest "starting soon" notice, and how far this browser's
// clock is from the server's. Views read and change it only through these functions, so that
// whatever one view changes, the others see; after changing meetings, instances or which one is
// open they call meetingsChanged(), and every view that lists them draws again.

let caller = null;          // { api, me }: the client with the token, and /me's answer { admin, user }
let showing = 'meetings';   // the view the address shows: 'meetings' (with the open instance) or 'admin'
let opened = null;          // the open instance's view (see instance.js), or null
let notice = null;          // the latest "starting soon" notice: { meetingId, from }
let skew = 0;               // how far this browser's clock is behind the server's
const meetings = new Map(); // id -> meeting
const instances = new Map(); // id -> instance { id, meetingId, from, to, status }
const names = new Map();    // user id -> name, from participants and (for the administrator) the users list
const listeners = [];

// ---- who is signed in --------------------------------------------------------------------

export function setCaller(api, me) {
  caller = { api, me };
}

/** The API client with the signed-in token. */
export const api = () => caller.api;
export const isAdmin = () => caller && caller.me.admin;
export const me = () => caller.me;
/** Whether the caller is a guest, here for one occurrence only (their link's). */
export const isGuest = () => Boolean(caller && caller.me.guestOf);
export const myId = () => (caller && caller.me.user ? caller.me.user.id : null);
/** Whether the caller makes and runs meetings of their own: an organizer, or an administrator (who runs all). */
export const runsMeetings = () => isAdmin() || (caller && caller.me.user && caller.me.user.role === 'organizer');
/** Whether the caller runs this meeting: an administrator, or its owner. */
export const runs = (meeting) => isAdmin() || (meeting.ownerId != null && meeting.ownerId === myId());

// ---- names -------------------------------------------------------------------------------

export function nameOf(userId) {
  if (userId === myId()) return 'You';
  return names.get(userId) || `User ${userId}`;
}

export const knownName = (userId) => names.get(userId);

// The users, for an administrator: read with the users page (at sign-in and after each change), and by the audience
// picker if it comes first.
let people = null;
export const knownPeople = () => people;
export const setPeople = (users) => { people = users; };
export const knowsName = (userId) => names.has(userId);
export const rememberName = (userId, name) => names.set(userId, name);

// ---- meetings and instances --------------------------------------------------------------

export const meetingById = (id) => meetings.get(id);
export const hasMeeting = (id) => meetings.has(id);
export const putMeeting = (meeting) => meetings.set(meeting.id, meeting);
export const forgetMeeting = (id) => meetings.delete(id);
/** Every meeting known, in the order they were made. */
export const meetingList = () => [...meetings.values()].sort((a, b) => a.id - b.id);
/** The meetings the caller runs (all of them for an administrator; their own for an organizer), in the order they were made. */
export const runList = () => meetingList().filter(runs);

export const instanceById = (id) => instances.get(id);
export const hasInstance = (id) => instances.has(id);
export const putInstance = (instance) => instances.set(instance.id, instance);
export const forgetInstance = (id) => instances.delete(id);
export const instanceList = () => [...instances.values()];

// Series are read once, when a list first shows one of their occurrences, for their rule in words.
const series = new Map(); // series id -> the series as GET /meetings/{id}/series/{seriesId} gives it, or 'reading'
export const seriesById = (id) => (typeof series.get(id) === 'object' ? series.get(id) : undefined);
export const putSeries = (s) => series.set(s.id, s);

/** Reads series {@code seriesId} of meeting {@code meetingId} once; the lists draw again when it comes. */
export function wantSeries(meetingId, seriesId) {
  if (series.has(seriesId) || !caller) return;
  series.set(seriesId, 'reading');
  caller.api.get(`/meetings/${meetingId}/series/${seriesId}`).then((s) => { series.set(seriesId, s); meetingsChanged(); })
    .catch(() => series.set(seriesId, 'unreadable'));
}

/** Adds {@code listener} to what runs, in order, each time meetingsChanged() is called. */
export function onMeetingsChanged(listener) {
  listeners.push(listener);
}

/** The meetings, their instances or which instance is open changed: every view listing them draws again. */
export function meetingsChanged() {
  for (const listener of listeners) listener();
}

// ---- the view shown and the open instance ------------------------------------------------

export const setShowing = (view) => { showing = view; };
export const showingAdmin = () => showing === 'admin';

// The live instances the signed-in user is inside: read at sign-in, kept by their own joins and leaves.
const inside = new Set();
export const isInside = (id) => inside.has(id);
export const setInside = (id, yes) => { if (yes) inside.add(id); else inside.delete(id); };

export const openView = () => opened;
export const setOpenView = (view) => { opened = view; };
export const isOpen = (id) => opened !== null && opened.id === id;

// ---- the notice and the clock ------------------------------------------------------------

export const latestNotice = () => notice;
export const setNotice = (value) => { notice = value; };

/** The server's time as this browser reckons it, so that countdowns agree with the scheduler. */
export const now = () => Date.now() + skew;
export const setClockSkew = (ms) => { skew = ms; };
