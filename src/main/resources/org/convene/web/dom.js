// What the console's modules share for drawing: element building (text always as text), formats, and
// running an action whose refusal is shown where it was taken.

export const $ = (id) => document.getElementById(id);

/** Builds an element; text is always set as text, never parsed as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((c) => c != null));
  return element;
}

/**
 * Text a user gave (a name, a title, an e-mail, a message) inside a sentence of the console's own: in a
 * <bdi> of its own, so that its direction (a right-to-left name, or a direction control left in one)
 * cannot reorder the words around it.
 */
export const userText = (text) => h('bdi', {}, text);

/**
 * The same isolation where only text can go (an option's label): between the first-strong isolate and
 * pop directional isolate characters that a <bdi> stands for.
 */
export const isolatedText = (text) => `\u2068${text}\u2069`;

export const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
export const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
export const hourFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export const stamp = (iso) => h('time', { datetime: iso }, clockFormat.format(new Date(iso)));

const shortDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const DAY = 86_400_000;

/** The day of {@code date} as people say it: "Today", "Tomorrow", "Yesterday", else "Wed 9 Dec" (with the year if not this one's). */
export function dayText(date, today = new Date()) {
  const midnight = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((midnight(date) - midnight(today)) / DAY);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return date.getFullYear() === today.getFullYear() ? shortDay.format(date) : dayFormat.format(date);
}

/** An occurrence's status as people say it (the API's names stay in data-status for programs and tests). */
export const statusText = (status) => ({ scheduled: 'Upcoming', active: 'Live', ended: 'Ended' }[status] || status);

/** A moment in the console's one short form: "Today 19:41", "Wed 9 Dec 19:41". */
export function whenText(iso) {
  const at = new Date(iso);
  return `${dayText(at)} ${hourFormat.format(at)}`;
}

/** A window in the same form: "Today 19:41–20:11"; across midnight, "Today 23:30 – Tomorrow 00:30". */
export function windowText(from, to) {
  const start = new Date(from);
  const end = new Date(to);
  const sameDay = dayText(start) === dayText(end);
  return sameDay ? `${whenText(from)}–${hourFormat.format(end)}` : `${whenText(from)} – ${whenText(to)}`;
}

/** Runs an action; a refusal shows the server's own message where the action was taken. */
export async function act(errorElement, action) {
  errorElement.textContent = '';
  try {
    return await action();
  } catch (e) {
    errorElement.textContent = e.message;
    return undefined;
  }
}

/** The value a datetime-local input takes for an instant, in this browser's time zone, to the second. */
export function localInput(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
