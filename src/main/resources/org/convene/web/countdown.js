// An instance's times in words against the server's clock ("starts in 4 s", "ended by the
// administrator at …"): the meetings list and the open instance both say them, and both redraw
// them every second, so the words live here rather than in either view.
import { whenText } from './dom.js';
import { instanceById, now } from './state.js';

/** "in 4 s", "2 min ago": how far an instant is from now. */
function relative(iso) {
  const seconds = Math.round((new Date(iso).getTime() - now()) / 1000);
  const size = Math.abs(seconds);
  const text = size < 90 ? `${size} s` : size < 5400 ? `${Math.round(size / 60)} min`
    : size < 172800 ? `${Math.round(size / 3600)} h` : `${Math.round(size / 86400)} days`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

/** What the clock means for an instance: the time to its start or end. */
export function when(instance) {
  if (instance.status === 'scheduled') return `starts ${relative(instance.from)}`;
  if (instance.status === 'active') return `ends ${relative(instance.to)}`;
  const endedAt = instance.endedAt || instance.to;
  return instance.endedBy === 'administrator'
    ? `ended by the administrator ${whenText(endedAt)} (planned until ${whenText(instance.to)})`
    : `ended ${whenText(endedAt)}, as scheduled`;
}

/** Every countdown on the page ({@code data-countdown} names its instance), said again as time passes. */
export function redrawCountdowns() {
  for (const element of document.querySelectorAll('[data-countdown]')) {
    const instance = instanceById(Number(element.dataset.countdown));
    if (instance) element.textContent = when(instance);
  }
}
