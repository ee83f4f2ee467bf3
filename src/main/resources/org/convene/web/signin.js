// Signing in and out. A token is checked by asking who it belongs to; only then is it kept (for
// this tab only), the console shown, and what the views need read: the meetings and instances,
// and for the administrator the users, whose names the other views show. A token kept from
// before signs in again on a reload, and is forgotten if it no longer works. Without a token, a
// console session (the HttpOnly cookie a sign-in through the organisation's provider set) signs in
// every tab; the sign-in screen offers that provider where one is configured.
import { Api } from './api.js';
import { wireAccountPage, wirePasswordForm } from './accounts.js';
import { $, h, userText } from './dom.js';
import { loadMeetings, followLifecycle } from './lifecycle.js';
import { loadUsers } from './admin-users.js';
import { setCaller, setClockSkew, isAdmin, me, runsMeetings, putInstance, putMeeting } from './state.js';

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
  // A token is kept for this tab; a session (no token) lives in its HttpOnly cookie, for every tab.
  if (token) sessionStorage.setItem('convene.token', token);
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('sign-out').hidden = false;
  $('sign-out-everywhere').hidden = Boolean(token);
  $('nav').hidden = Boolean(caller.guestOf) || (!runsMeetings() && !me().user);
  $('nav-admin').hidden = !runsMeetings();
  $('nav-calendar').hidden = !me().user;
  $('nav-admin').textContent = isAdmin() ? 'Administration' : 'My meetings';
  if (caller.guestOf) {
    // A guest sees their one occurrence and nothing else: no list, no lifecycle, just that instance.
    $('who').replaceChildren(h('span', { class: 'wide-only' }, 'Here as '), userText(me().user.name), ' (guest)');
    const instance = await api.get(`/instances/${caller.guestOf}`);
    putInstance(instance);
    putMeeting(await api.get(`/meetings/${instance.meetingId}`));
    $('console').classList.add('guest');
    $('meetings').hidden = true;
    history.replaceState(null, '', `#/instances/${caller.guestOf}`);
    ready();
    return;
  }
  $('who').replaceChildren(h('span', { class: 'wide-only' }, 'Signed in as '), ...(isAdmin() ? ['the administrator']
    : [userText(me().user.name), ' (', userText(me().user.email), ')']));
  await loadMeetings();
  if (isAdmin()) await loadUsers();
  followLifecycle(token);
  ready();
}

async function signOut(everywhere) {
  const token = sessionStorage.getItem('convene.token');
  sessionStorage.removeItem('convene.token');
  let provider = null;
  if (!token) {
    // A session: ended on the server (its cookie cleared), and the provider's own session too where it says how.
    const answer = await new Api(null).post(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', {}).catch(() => ({}));
    provider = answer && answer.provider;
  }
  // The address forgets the open instance too: whoever signs in next on this tab starts from the list.
  history.replaceState(null, '', location.pathname);
  if (provider) location.assign(provider);
  else location.reload();
}

/** What went wrong with a sign-in through the provider, by the code the server sends back. */
const SIGN_IN_ERRORS = {
  again: 'This sign-in was not finished in time, was finished already, or was started in another browser: try again.',
  refused: 'The identity provider did not sign you in. Try again, or ask your administrator.',
  unavailable: 'The identity provider cannot be reached now; try again shortly.',
  account: 'Your account in Convene is suspended or was deleted: ask your administrator.',
};

/**
 * Offers the organisation's sign-in where one is configured (and says why the last one failed, if it did), or
 * e-mail and password where people have local accounts.
 */
async function offerSignIns(ready) {
  const failed = new URLSearchParams(location.search).get('signInError');
  if (failed) {
    $('provider-error').textContent = SIGN_IN_ERRORS[failed] || 'Signing in did not work: try again.';
    history.replaceState(null, '', location.pathname + location.hash);
  }
  const methods = await fetch('/auth/methods').then((r) => r.json()).catch(() => null);
  if (!methods) return;
  wirePasswordForm(methods, () => signIn(null, ready));
  $('token-heading').hidden = !methods.provider && !methods.password;
  if (!methods.provider) return;
  const link = $('provider-link');
  link.textContent = `Sign in with ${methods.provider.name}`;
  link.href = `${methods.provider.login}?returnTo=${encodeURIComponent(location.hash || '#/')}`;
  $('provider-sign-in').hidden = false;
}

/**
 * A guest link opened in the console (#/guest/<link>): the name form, then the guest's own token signs them in
 * and straight to the occurrence, where they ask to join.
 */
function wireGuest(ready) {
  const linked = /^#\/guest\/(.+)$/.exec(location.hash);
  if (!linked) return false;
  $('sign-in').hidden = true;
  $('guest').hidden = false;
  $('guest-name').focus();
  $('guest-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('guest-error').textContent = '';
    try {
      const guest = await new Api(null).post('/guests', { link: decodeURIComponent(linked[1]), name: $('guest-name').value });
      $('guest').hidden = true;
      await signIn(guest.token, ready);
    } catch (err) {
      $('guest-error').textContent = err.status === 404 ? 'This link does not open: it was revoked, the meeting ended, or it was copied wrong.' : err.message;
    }
  });
  return true;
}

/** Wires the sign-in form and sign-out, and signs in again with a token kept from before. */
export function wireSignIn(ready) {
  $('sign-out').addEventListener('click', () => signOut(false));
  $('sign-out-everywhere').addEventListener('click', () => signOut(true));
  if (wireGuest(ready)) return;
  if (wireAccountPage(() => signIn(null, ready))) return;
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
  // Else a session cookie from a sign-in in any tab signs this one in too; without one, the sign-in screen stays.
  else signIn(null, ready).catch(() => offerSignIns(ready));
}
