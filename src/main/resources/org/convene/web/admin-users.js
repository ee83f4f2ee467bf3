// The administration's users: each listed with its e-mail, age (where given) and role, edited in place, given
// another role (said in words; the server decides who may), suspended or let back in, given a new
// token or deleted (asked twice; one who owns meetings is refused with the meetings named), and a form
// that creates one and shows its token once. Where people have local accounts, an invitation link for
// someone new and, per user, a link to set a new password, each shown once. The list also teaches the shared state every user's name,
// which the other views show.
import { $, h, act, userText } from './dom.js';
import { confirmInline, shownOnce, onSubmit, forgetLater } from './admin-prompts.js';
import { api, rememberName, meetingList, setPeople } from './state.js';

/** The meetings user {@code id} owns, as the console knows them (an administrator knows every meeting). */
const owned = (id) => meetingList().filter((m) => m.ownerId === id);

const ROLES = [['member', 'Member'], ['organizer', 'Organizer'], ['admin', 'Administrator']];

/** Whether people have local accounts here (no identity provider): then invitations and password links are offered. */
let passwords = null;

export async function loadUsers() {
  if (passwords === null) passwords = await fetch('/auth/methods').then((r) => r.json()).then((m) => m.password).catch(() => false);
  $('invite-box').hidden = !passwords;
  const users = await api().all('/users');
  setPeople(users);
  for (const user of users) rememberName(user.id, user.name);
  $('user-list').replaceChildren(...users.map(userRow));
}

function userRow(u) {
  const error = h('p', { class: 'error', role: 'alert' });
  const li = h('li', { 'data-user': u.id }, userText(u.name), ' ',
    h('span', { class: 'hint' }, `#${u.id} · `, userText(u.email), u.age == null ? '' : ` · age ${u.age}`), ' ',
    u.suspended ? h('span', { class: 'badge' }, 'suspended') : null, ' ');
  const role = h('select', { id: `user-role-${u.id}`, 'data-role-user': u.id, 'aria-label': `Role of ${u.name}` },
    ...ROLES.map(([value, label]) => h('option', { value, selected: (u.role || 'member') === value }, label)));
  role.addEventListener('change', () => act(error, async () => {
    try {
      await api().request('PATCH', `/users/${u.id}`, { role: role.value });
    } finally {
      await loadUsers();
    }
  }));
  const actions = h('span', { class: 'row-actions' }, role,
    h('button', { type: 'button', class: u.suspended ? 'quiet small' : 'danger small', 'data-suspend-user': u.id,
      onclick: () => (u.suspended ? act(error, async () => {
        // Their old token was retired with the suspension: they come back with a new one, shown once.
        await api().request('PATCH', `/users/${u.id}`, { suspended: false });
        const made = await api().post(`/users/${u.id}/token`);
        await loadUsers();
        document.querySelector(`[data-user='${u.id}']`)?.append(shownOnce([userText(u.name), "'s new token"], made.token));
      }) : confirmInline(li, ['Suspend ', userText(u.name), '? Their token stops working at once; their meetings go on.'],
        'Yes, suspend', () => act(error, async () => {
          await api().request('PATCH', `/users/${u.id}`, { suspended: true });
          await loadUsers();
        }))) }, u.suspended ? 'Let back in' : 'Suspend'),
    h('button', { type: 'button', class: 'quiet small', 'data-edit-user': u.id, onclick: () => editUser(li, u, error) }, 'Edit'),
    passwords ? h('button', { type: 'button', class: 'quiet small', 'data-password-link-user': u.id, onclick: () => act(error, async () => {
      const made = await api().post(`/users/${u.id}/password-link`);
      li.querySelector('.token-box')?.remove();
      if (made.sent) li.append(h('p', { class: 'result', role: 'status' }, 'A link to set a new password went to ', userText(made.email), ' (a day, once).'));
      else li.append(shownOnce(['A link for ', userText(u.name), ' to set a new password (a day, once)'], location.origin + made.link));
    }) }, 'Password link') : null,
    h('button', { type: 'button', class: 'quiet small', 'data-token-user': u.id, onclick: () => confirmInline(li,
      ['Give ', userText(u.name), ' a new token? The old one stops working.'], 'Yes, new token', () => act(error, async () => {
        const made = await api().post(`/users/${u.id}/token`);
        li.querySelector('.token-box')?.remove();
        li.append(shownOnce([userText(u.name), "'s new token"], made.token));
      })) }, 'New token'),
    owned(u.id).length > 0
      // Delete only where it can succeed: their meetings go to someone else first (or `convene user delete --hand-to`).
      ? h('span', { class: 'hint', 'data-undeletable-user': u.id }, `Owns ${owned(u.id).map((m) => `#${m.id}`).join(', ')}: hand over to delete`)
      : h('button', { type: 'button', class: 'danger small', 'data-delete-user': u.id, onclick: () => confirmInline(li,
        ['Delete ', userText(u.name), '? Their history stays.'], 'Yes, delete', () => act(error, async () => {
          await api().delete(`/users/${u.id}`);
          await loadUsers();
        })) }, 'Delete'));
  li.append(actions, error);
  return li;
}

/** A number field's value, or undefined (left out of the body) where it is empty. */
const optionalNumber = (value) => (value === '' ? undefined : Number(value));

function editUser(li, u, error) {
  li.querySelector('form')?.remove();
  const field = (name, label, value, type = 'text') => [h('label', { for: `edit-user-${u.id}-${name}` }, label),
    h('input', { id: `edit-user-${u.id}-${name}`, name, type, value: value ?? '' })];
  const form = h('form', { class: 'form inline-form' }, ...field('name', 'Name', u.name), ...field('email', 'E-mail', u.email, 'email'),
    ...field('age', 'Age (optional)', u.age, 'number'), ...field('gender', 'Gender (optional)', u.gender),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(error, async () => {
      await api().request('PUT', `/users/${u.id}`, { name: form.elements.name.value, age: optionalNumber(form.elements.age.value),
        gender: form.elements.gender.value, email: form.elements.email.value });
      await loadUsers();
    });
  });
  li.append(form);
  form.elements.name.focus();
}

export function wireUsers() {
  onSubmit('invite-form', 'user-result', 'user-error', async (result, form) => {
    const made = await api().post('/invitations', { email: $('invite-email').value, name: $('invite-name').value || undefined });
    form.reset();
    result.replaceChildren();
    if (made.sent) result.append('The invitation went to ', userText(made.email), ' by e-mail (seven days, once).');
    else result.append(shownOnce(['The invitation for ', userText(made.email), ' (seven days, once)'], location.origin + made.link));
  });
  onSubmit('user-form', 'user-result', 'user-error', async (result, form) => {
    $('new-token-box').hidden = true;
    const created = await api().post('/users', {
      name: $('user-name').value, age: optionalNumber($('user-age').value), gender: $('user-gender').value, email: $('user-email').value,
    });
    form.reset();
    result.replaceChildren('Created ', userText(created.user.name), ` (#${created.user.id}).`);
    $('new-token').textContent = created.token;
    $('copy-token').textContent = 'Copy';
    $('new-token-box').hidden = false;
    // A fresh button each time, so that an earlier token's timers do not take this one away.
    const copy = $('copy-token').cloneNode(true);
    $('copy-token').replaceWith(copy);
    copy.addEventListener('click', async () => {
      await navigator.clipboard.writeText($('new-token').textContent).catch(() => {});
      copy.textContent = 'Copied';
    });
    forgetLater(copy, () => {
      if ($('new-token').textContent !== created.token) return;
      $('new-token').textContent = '';
      $('new-token-box').hidden = true;
      result.append(' Their token is no longer on screen: make a new one with "New token" if it was not kept.');
    });
    await loadUsers();
  });
}
