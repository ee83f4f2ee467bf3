// How up to date the page is, for both live streams (the meetings' and the open instance's): each
// stream's state in words beside what it feeds, and one banner while any of them has lost its
// connection, since until it is back what the page shows may be out of date. Also how a stream
// tells a lost connection worth retrying from a resource it may no longer have.
import { ApiError } from './api.js';
import { $ } from './dom.js';
import { api } from './state.js';

/** Resolves to a reason when a stream's resource can no longer be had, or null when retrying may help. */
export async function gone(path) {
  try {
    await api().get(path);
    return null;
  } catch (e) {
    return e instanceof ApiError && [401, 403, 404].includes(e.status) ? e.message : null;
  }
}

/** Streams that lost their connection: while any has, what the page shows may be out of date, and it says so. */
const lost = new Set();

export function showLive(element, s, detail, what) {
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
