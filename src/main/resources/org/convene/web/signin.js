// Signing in and out. A token is checked by asking who it belongs to; only then is it kept (for
// this tab only), the console shown, and what the views need read: the meetings and instances,
// and for the administrator the users, whose names the other views show. A token kept from
// before signs in again on a reload, and is forgotten if it no longer works.
import { Api } from './api.js';
import { $, h, userText } from './dom.js';
import { loadMeetings, followLifecycle } from './lifecycle.js';
import { loadUsers } from './admin-users.js';
import { setCaller, setClockSkew, isAdmin, me, runsMeetings } from './state.js';

/** Reads the server's clock from /health, taken at the middle of the round trip, so that countdowns agree with the scheduler. */
async function syncClock() {
  const sent = Date.now();
  const health = await fetch('/health').then((r) => r.json());
  setClockSkew(new Date(health.time).getTime() - (sent + Date.now()) / 2);
}

/** Signs in with {@code token}; {@code ready} then shows the view the address names. */
async function signIn(token, ready) {
  const api = new Api(token);
  const caller = await api.get('/me');
  await syncClock().catch(() => {});
  setCaller(api, caller);
  sessionStorage.setItem('convene.token', token);
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('nav').hidden = !runsMeetings();
  $('nav-admin').textContent = isAdmin() ? 'Administration' : 'My meetings';
  $('who').replaceChildren(h('span', { class: 'wide-only' }, 'Signed in as '), ...(isAdmin() ? ['the administrator']
    : [userText(me().user.name), ' (', userText(me().user.email), ')']));
  await loadMeetings();
  if (isAdmin()) await loadUsers();
  followLifecycle(token);
  ready();
}

function signOut() {
  sessionStorage.removeItem('convene.token');
  // The address forgets the open instance too: whoever signs in next on this tab starts from the list.
  history.replaceState(null, '', location.pathname + location.search);
  location.reload();
}

/** Wires the sign-in form and sign-out, and signs in again with a token kept from before. */
export function wireSignIn(ready) {
  $('sign-out').addEventListener('click', signOut);
  $('sign-in-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('sign-in-error').textContent = '';
    try {
      await signIn($('token').value.trim(), ready);
    } catch (err) {
      $('sign-in-error').textContent = err.status === 401 ? 'That token is not valid.' : err.message;
    }
  });
  const saved = sessionStorage.getItem('convene.token');
  if (saved) signIn(saved, ready).catch(() => sessionStorage.removeItem('convene.token'));
}
