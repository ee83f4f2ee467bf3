// Local accounts, where no identity provider is configured: the e-mail and password form of the sign-in
// screen, and the pages an invitation (#/invite/<secret>) or a password link (#/password/<secret>) opens,
// where the person sets a password and is signed in. Each signs in with the session cookie the server sets;
// the console then carries on as after any other sign-in.
import { Api } from './api.js';
import { $ } from './dom.js';

const api = new Api(null);

/** What a refusal says to the person: the server's words, or plain ones for a link that does not open. */
function said(err, notFound) {
  if (err.status === 404) return notFound;
  if (err.status === 429) return 'Too many attempts from here; wait a minute and try again.';
  return err.message;
}

/** Shows the e-mail and password form where people have local accounts; {@code signedIn} carries on after. */
export function wirePasswordForm(methods, signedIn) {
  if (!methods.password) return;
  $('password-form').hidden = false;
  $('password-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('password-error').textContent = '';
    try {
      await api.post('/auth/password', { email: $('signin-email').value, password: $('signin-password').value });
      $('signin-password').value = '';
      await signedIn();
    } catch (err) {
      $('password-error').textContent = said(err, '');
    }
  });
}

/**
 * The page an invitation or a password link opens, if the address is one: the password form (and a name for an
 * invitation), then signed in. Returns whether it was such a page.
 */
export function wireAccountPage(signedIn) {
  const invite = /^#\/invite\/(.+)$/.exec(location.hash);
  const reset = /^#\/password\/(.+)$/.exec(location.hash);
  if (!invite && !reset) return false;
  const secret = decodeURIComponent((invite || reset)[1]);
  $('sign-in').hidden = true;
  $('account-link').hidden = false;
  const error = $('account-link-error');
  if (invite) {
    $('account-link-title').textContent = 'Welcome to Convene';
    $('account-name-field').hidden = false;
    api.post('/auth/invitations/look', { invitation: secret }).then((found) => {
      $('account-link-for').textContent = `You are invited as ${found.email}. Choose a password to sign in with it.`;
      $('account-email').value = found.email;
      $('account-name').value = found.name;
      $('account-name').focus();
    }).catch((err) => {
      error.textContent = said(err, 'This invitation does not open: it was used already, it expired, or the link was copied wrong. Ask for a new one.');
    });
  } else {
    $('account-password').focus();
  }
  $('account-link-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    if ($('account-password').value !== $('account-password-again').value) {
      error.textContent = 'The two passwords differ.';
      return;
    }
    try {
      if (invite) {
        await api.post('/auth/invitations/accept', { invitation: secret, name: $('account-name').value, password: $('account-password').value });
      } else {
        await api.post('/auth/password-link', { link: secret, password: $('account-password').value });
      }
      // The secret leaves the address: it worked once and is of no use now.
      history.replaceState(null, '', `${location.pathname}#/`);
      $('account-link').hidden = true;
      await signedIn();
    } catch (err) {
      error.textContent = said(err, 'This link does not open: it was used already, it expired, or it was copied wrong. Ask for a new one.');
    }
  });
  return true;
}
