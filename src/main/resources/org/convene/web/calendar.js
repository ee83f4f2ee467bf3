// The calendar (#/calendar, #/calendar/<yyyy-mm-dd>, #/calendar/<yyyy-mm-dd>/month): a week or a month of the
// meetings the signed-in person may join, their occurrences and those their series will make later, each on the
// day and at the time of this browser's time zone. Read from /users/<id>/calendar for the range shown, and read
// again whenever the meetings change (the lifecycle feed), so that it stays live.
import { $, h, userText, hourFormat } from './dom.js';
import { api, myId, now, onMeetingsChanged } from './state.js';

const DAY = 86_400_000;
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const rangeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const STATUS = { active: 'live now', ended: 'ended', cancelled: 'cancelled', not_yet: 'planned', scheduled: '' };

let shown = null; // { anchor: Date (local midnight), month: boolean }
let reading = 0;  // the latest read asked for: an older answer arriving later is dropped

/** Local midnight of {@code date}'s day. */
const midnight = (date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
/** The same local day {@code n} days on (by calendar days, so that a daylight-saving change moves nothing). */
const plusDays = (date, n) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + n);
/** The Monday of {@code date}'s week. */
const monday = (date) => plusDays(midnight(date), -((date.getDay() + 6) % 7));
const isoDay = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const sameDay = (a, b) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** The days shown: a week from Monday, or the whole weeks that hold the month. */
function days() {
  if (!shown.month) return Array.from({ length: 7 }, (_, i) => plusDays(monday(shown.anchor), i));
  const first = new Date(shown.anchor.getFullYear(), shown.anchor.getMonth(), 1);
  const last = new Date(shown.anchor.getFullYear(), shown.anchor.getMonth() + 1, 0);
  const start = monday(first);
  const count = Math.round((monday(last).getTime() - start.getTime()) / DAY) + 7;
  return Array.from({ length: count }, (_, i) => plusDays(start, i));
}

/** Shows the calendar the address names (today's week when it names no day). */
export function showCalendar(hash) {
  const named = /^#\/calendar\/(\d{4})-(\d{2})-(\d{2})(\/month)?$/.exec(hash);
  const anchor = named ? new Date(Number(named[1]), Number(named[2]) - 1, Number(named[3])) : midnight(new Date(now()));
  shown = { anchor, month: Boolean(named && named[4]) || (!named && shown !== null && shown.month) };
  $('calendar-week').setAttribute('aria-pressed', String(!shown.month));
  $('calendar-month').setAttribute('aria-pressed', String(shown.month));
  read();
}

/** Reads the range shown and draws it. */
async function read() {
  if (!shown || $('calendar').hidden || !myId()) return;
  const all = days();
  const from = all[0];
  const to = plusDays(all[all.length - 1], 1);
  $('calendar-title').textContent = shown.month ? monthFormat.format(shown.anchor)
    : `${rangeFormat.format(from)} – ${rangeFormat.format(plusDays(to, -1))}`;
  const mine = ++reading;
  try {
    const calendar = await api().get(`/users/${myId()}/calendar?from=${from.toISOString()}&to=${to.toISOString()}`);
    if (mine === reading) draw(all, calendar.entries);
    $('calendar-error').textContent = '';
  } catch (err) {
    $('calendar-error').textContent = err.message;
  }
}

/** One entry as the day lists it: its time, its title and what state it is in; a link to it once it is made. */
function entryItem(e) {
  const start = new Date(e.start);
  const time = h('time', { datetime: e.start }, hourFormat.format(start));
  const words = [time, ' ', userText(e.title)];
  const status = STATUS[e.status];
  if (status) words.push(' ', h('span', { class: 'badge' }, status));
  const body = e.instanceId ? h('a', { href: `#/instances/${e.instanceId}` }, ...words) : h('span', {}, ...words);
  return h('li', { class: `calendar-entry ${e.status}`, 'data-meeting': e.meetingId, 'data-start': e.start,
    'data-status': e.status }, body);
}

function draw(all, entries) {
  const today = midnight(new Date(now()));
  const cells = all.map((day) => {
    const todays = entries.filter((e) => sameDay(new Date(e.start), day));
    const label = `calendar-day-${isoDay(day)}`;
    const outside = shown.month && day.getMonth() !== shown.anchor.getMonth();
    return h('li', { class: `calendar-day${sameDay(day, today) ? ' today' : ''}${outside ? ' outside' : ''}`,
      'data-day': isoDay(day), 'aria-labelledby': label },
    h('h3', { id: label }, weekdayFormat.format(day), sameDay(day, today) ? h('span', { class: 'hint' }, ' · today') : null),
    todays.length ? h('ul', {}, ...todays.map(entryItem)) : (shown.month ? null : h('p', { class: 'hint' }, 'Nothing.')));
  });
  const grid = $('calendar-grid');
  grid.className = shown.month ? 'calendar-grid month' : 'calendar-grid week';
  grid.replaceChildren(...cells);
}

/** Moves the range shown by one week or month, through the address (so that it can be shared and goes back). */
function move(step) {
  const a = shown.anchor;
  const next = step === 0 ? midnight(new Date(now()))
    : shown.month ? new Date(a.getFullYear(), a.getMonth() + step, 1) : plusDays(a, 7 * step);
  location.hash = `#/calendar/${isoDay(next)}${shown.month ? '/month' : ''}`;
}

export function wireCalendar() {
  $('calendar-prev').addEventListener('click', () => move(-1));
  $('calendar-next').addEventListener('click', () => move(1));
  $('calendar-today').addEventListener('click', () => move(0));
  $('calendar-week').addEventListener('click', () => { location.hash = `#/calendar/${isoDay(shown.anchor)}`; });
  $('calendar-month').addEventListener('click', () => { location.hash = `#/calendar/${isoDay(shown.anchor)}/month`; });
  // Live: an occurrence scheduled, moved, started or ended elsewhere is read again (a burst of them, once).
  let pending = null;
  onMeetingsChanged(() => {
    if (pending || !shown || $('calendar').hidden) return;
    pending = setTimeout(() => { pending = null; read(); }, 300);
  });
}
