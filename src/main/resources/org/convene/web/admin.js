// The administration view (#/admin): users, meetings and their instances, scheduling, and webhooks.
// Each form's outcome shows beside it; whatever cannot be undone (a deletion, a new token or secret
// that retires the old one) is asked for twice, the second time in words.
import { $, h, act, windowText, localInput } from './dom.js';
import {
  api, now, rememberName, meetingList, instanceList, hasInstance, putInstance, putMeeting, forgetMeeting, forgetInstance,
  showingAdmin, onMeetingsChanged, meetingsChanged,
} from './state.js';

const EVENT_TYPES = ['instance.scheduled', 'instance.rescheduled', 'instance.activated', 'instance.ended', 'instance.deleted',
  'participant.joined', 'participant.left', 'participant.timed_out', 'chat.message_posted', 'attendance.report_ready'];

/** Asks "are you sure" in words beside the button; runs {@code action} on yes. */
function confirmInline(container, question, yes, action) {
  const row = h('span', { class: 'confirm', role: 'group', 'aria-label': question }, `${question} `,
    h('button', { type: 'button', class: 'danger small', onclick: () => { row.remove(); action(); } }, yes),
    ' ', h('button', { type: 'button', class: 'quiet small', onclick: () => row.remove() }, 'Cancel'));
  container.querySelector('.confirm')?.remove();
  container.append(row);
  row.querySelector('button').focus();
}

/** A secret or token shown once, with a copy button. */
function shownOnce(label, value) {
  const copy = h('button', { type: 'button', class: 'small' }, 'Copy');
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(value).catch(() => {});
    copy.textContent = 'Copied';
  });
  return h('div', { class: 'token-box' }, h('p', {}, h('strong', {}, `${label}, shown only now`), ': copy it now; only Convene can read it later.'),
    h('code', {}, value), ' ', copy);
}

// ---- users -------------------------------------------------------------------------------

export async function loadUsers() {
  const users = await api().all('/users');
  for (const user of users) rememberName(user.id, user.name);
  $('user-list').replaceChildren(...users.map(userRow));
}

function userRow(u) {
  const error = h('p', { class: 'error', role: 'alert' });
  const li = h('li', { 'data-user': u.id }, `${u.name} `, h('span', { class: 'hint' }, `#${u.id} · ${u.email} · age ${u.age}`), ' ');
  const actions = h('span', { class: 'row-actions' },
    h('button', { type: 'button', class: 'quiet small', 'data-edit-user': u.id, onclick: () => editUser(li, u, error) }, 'Edit'),
    h('button', { type: 'button', class: 'quiet small', 'data-token-user': u.id, onclick: () => confirmInline(li,
      `Give ${u.name} a new token? The old one stops working.`, 'Yes, new token', () => act(error, async () => {
        const made = await api().post(`/users/${u.id}/token`);
        li.querySelector('.token-box')?.remove();
        li.append(shownOnce(`${u.name}'s new token`, made.token));
      })) }, 'New token'),
    h('button', { type: 'button', class: 'danger small', 'data-delete-user': u.id, onclick: () => confirmInline(li,
      `Delete ${u.name}? Their history stays.`, 'Yes, delete', () => act(error, async () => {
        await api().delete(`/users/${u.id}`);
        await loadUsers();
      })) }, 'Delete'));
  li.append(actions, error);
  return li;
}

function editUser(li, u, error) {
  li.querySelector('form')?.remove();
  const field = (name, label, value, type = 'text') => [h('label', { for: `edit-user-${u.id}-${name}` }, label),
    h('input', { id: `edit-user-${u.id}-${name}`, name, type, value: value ?? '' })];
  const form = h('form', { class: 'form inline-form' }, ...field('name', 'Name', u.name), ...field('age', 'Age', u.age, 'number'),
    ...field('gender', 'Gender', u.gender), ...field('email', 'E-mail', u.email, 'email'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(error, async () => {
      await api().request('PUT', `/users/${u.id}`, { name: form.elements.name.value, age: Number(form.elements.age.value),
        gender: form.elements.gender.value, email: form.elements.email.value });
      await loadUsers();
    });
  });
  li.append(form);
  form.elements.name.focus();
}

// ---- meetings and instances ------------------------------------------------------------------

export function renderAdminMeetings() {
  $('admin-meeting-list').replaceChildren(...meetingList().map((m) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const instances = instanceList().filter((i) => i.meetingId === m.id).sort((a, b) => a.from.localeCompare(b.from));
    const li = h('li', { 'data-admin-meeting': m.id }, h('span', { class: 'meeting-title' }, m.title), ' ',
      h('span', { class: 'badge' }, m.isPublic ? 'public' : 'private'), ' ', h('span', { class: 'hint' }, `#${m.id}`), ' ');
    li.append(h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'quiet small', 'data-edit-meeting': m.id, onclick: () => editMeeting(li, m, error) }, 'Edit'),
      h('button', { type: 'button', class: 'danger small', 'data-delete-meeting': m.id, onclick: () => confirmInline(li,
        `Delete ${m.title}?`, 'Yes, delete', () => act(error, async () => {
          await api().delete(`/meetings/${m.id}`);
          forgetMeeting(m.id);
          meetingsChanged();
        })) }, 'Delete')), error);
    li.append(h('ul', { class: 'admin-instances' }, instances.map((i) => {
      const row = h('li', { 'data-admin-instance': i.id }, `#${i.id} · ${windowText(i.from, i.to)} · ${i.status} `);
      row.append(h('button', { type: 'button', class: 'danger small', 'data-delete-instance': i.id, onclick: () => confirmInline(row,
        `Delete instance #${i.id}?`, 'Yes, delete', () => act(error, async () => {
          await api().delete(`/instances/${i.id}`);
          forgetInstance(i.id);
          meetingsChanged();
        })) }, 'Delete'));
      return row;
    })));
    return li;
  }));
}

function editMeeting(li, m, error) {
  li.querySelector('form')?.remove();
  const id = (n) => `edit-meeting-${m.id}-${n}`;
  const audience = h('textarea', { id: id('audience'), name: 'audience', rows: 3 });
  audience.value = (m.audience || []).join('\n');
  const isPublic = h('input', { id: id('public'), name: 'isPublic', type: 'checkbox', checked: m.isPublic });
  const form = h('form', { class: 'form inline-form' },
    h('label', { for: id('title') }, 'Title'), h('input', { id: id('title'), name: 'title', value: m.title, required: true }),
    h('label', { for: id('description') }, 'Description'), h('input', { id: id('description'), name: 'description', value: m.description || '' }),
    h('div', { class: 'check' }, isPublic, h('label', { for: id('public') }, 'Public')),
    h('label', { for: id('audience') }, 'Audience (e-mails, one per line)'), audience,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(error, async () => {
      const saved = await api().request('PUT', `/meetings/${m.id}`, {
        title: form.elements.title.value, description: form.elements.description.value, isPublic: isPublic.checked,
        audience: isPublic.checked ? [] : audience.value.split(/[\s,;]+/).filter(Boolean),
        capacity: m.capacity ?? undefined, presence: m.presence ?? undefined,
      });
      putMeeting(saved);
      meetingsChanged();
    });
  });
  li.append(form);
  form.elements.title.focus();
}

// ---- webhooks ----------------------------------------------------------------------------

let shownDeliveries = null; // the endpoint whose deliveries are shown

export async function loadWebhooks() {
  const endpoints = await api().get('/webhooks');
  $('webhooks-empty').hidden = endpoints.length > 0;
  $('webhook-list').replaceChildren(...endpoints.map(webhookRow));
  if (shownDeliveries && endpoints.some((e) => e.id === shownDeliveries)) await showDeliveries(shownDeliveries);
}

function webhookRow(e) {
  const error = h('p', { class: 'error', role: 'alert' });
  const li = h('li', { 'data-webhook': e.id }, h('span', { class: 'url' }, e.url), ' ',
    h('span', { class: `badge ${e.enabled ? '' : 'off'}` }, e.enabled ? 'enabled' : 'disabled'),
    h('p', { class: 'hint' }, `#${e.id} · ${e.events.includes('*') ? 'all events' : e.events.join(', ')}`
      + `${e.description ? ` · ${e.description}` : ''}${e.disabledReason ? ` · ${e.disabledReason}` : ''}`));
  const patch = (body) => act(error, async () => { await api().request('PATCH', `/webhooks/${e.id}`, body); await loadWebhooks(); });
  li.append(h('span', { class: 'row-actions' },
    h('button', { type: 'button', class: 'quiet small', 'data-webhook-deliveries': e.id, onclick: () => act(error, () => showDeliveries(e.id)) }, 'Deliveries'),
    h('button', { type: 'button', class: 'quiet small', 'data-webhook-toggle': e.id, onclick: () => patch({ enabled: !e.enabled }) },
      e.enabled ? 'Disable' : 'Enable'),
    h('button', { type: 'button', class: 'quiet small', 'data-webhook-rotate': e.id, onclick: () => confirmInline(li,
      'Make a new signing secret? The old one keeps signing beside it for 24 hours.', 'Yes, new secret', () => act(error, async () => {
        const made = await api().post(`/webhooks/${e.id}/secret`);
        li.querySelector('.token-box')?.remove();
        li.append(shownOnce('The new signing secret', made.secret));
      })) }, 'New secret'),
    h('button', { type: 'button', class: 'danger small', 'data-webhook-remove': e.id, onclick: () => confirmInline(li,
      'Remove this webhook and what it has queued?', 'Yes, remove', () => act(error, async () => {
        await api().delete(`/webhooks/${e.id}`);
        if (shownDeliveries === e.id) { shownDeliveries = null; $('webhook-deliveries').hidden = true; }
        await loadWebhooks();
      })) }, 'Remove')), error);
  return li;
}

async function showDeliveries(endpointId) {
  shownDeliveries = endpointId;
  const status = $('webhook-status').value;
  const page = await api().get(`/webhooks/${endpointId}/deliveries?limit=50${status ? `&status=${status}` : ''}`);
  $('webhook-deliveries-title').textContent = `Deliveries of webhook #${endpointId}`;
  $('webhook-deliveries-empty').hidden = page.length > 0;
  $('webhook-delivery-rows').replaceChildren(...page.map((d) => h('tr', { 'data-delivery': d.id },
    h('td', {}, `#${d.id}`), h('td', {}, d.type), h('td', {}, `#${d.instanceId}`),
    h('td', { class: `delivery-${d.status}` }, d.status), h('td', {}, String(d.attempts)),
    h('td', {}, d.lastCode ? String(d.lastCode) : d.lastError || '–'),
    h('td', {}, d.nextAttemptAt ? new Date(d.nextAttemptAt).toLocaleString() : '–'),
    h('td', {}, h('button', { type: 'button', class: 'quiet small', 'data-replay': d.id, onclick: () => act($('webhook-error'), async () => {
      const again = await api().post(`/webhooks/${endpointId}/deliveries/${d.id}/replay`);
      $('webhook-result').textContent = `Delivery #${d.id} queued again as #${again.id}, with the same webhook-id.`;
      await showDeliveries(endpointId);
    }) }, 'Send again')))));
  $('webhook-deliveries').hidden = false;
}

// ---- wiring ------------------------------------------------------------------------------

/** The default start offered: the next quarter hour at least ten minutes away. */
function nextSlot() {
  const quarter = 15 * 60 * 1000;
  return Math.ceil((now() + 10 * 60 * 1000) / quarter) * quarter;
}

/** The meeting picker of the scheduling form offers every meeting, keeping the one chosen. */
function renderMeetingChoice() {
  const select = $('instance-meeting');
  const chosen = select.value;
  select.replaceChildren(...meetingList().map((m) => h('option', { value: m.id }, `${m.title} (#${m.id})`)));
  if (chosen) select.value = chosen;
}

export function wireAdmin() {
  onMeetingsChanged(() => { if (showingAdmin()) renderAdminMeetings(); });
  onMeetingsChanged(renderMeetingChoice);
  const outcome = (form) => ({ result: $(`${form}-result`), error: $(form === 'instance' ? 'instance-create-error' : `${form}-error`) });
  $('meeting-public').addEventListener('change', () => { $('meeting-audience').disabled = $('meeting-public').checked; });
  $('copy-token').addEventListener('click', async () => {
    await navigator.clipboard.writeText($('new-token').textContent).catch(() => {});
    $('copy-token').textContent = 'Copied';
  });
  $('user-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const { result, error } = outcome('user');
    result.textContent = '';
    $('new-token-box').hidden = true;
    act(error, async () => {
      const created = await api().post('/users', {
        name: $('user-name').value, age: Number($('user-age').value), gender: $('user-gender').value, email: $('user-email').value,
      });
      e.target.reset();
      result.textContent = `Created ${created.user.name} (#${created.user.id}).`;
      $('new-token').textContent = created.token;
      $('copy-token').textContent = 'Copy';
      $('new-token-box').hidden = false;
      await loadUsers();
    });
  });
  $('meeting-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const { result, error } = outcome('meeting');
    result.textContent = '';
    act(error, async () => {
      const isPublic = $('meeting-public').checked;
      const audience = isPublic ? [] : $('meeting-audience').value.split(/[\s,;]+/).filter(Boolean);
      const capacity = $('meeting-capacity').value ? Number($('meeting-capacity').value) : undefined;
      const lease = $('meeting-presence').value ? Number($('meeting-presence').value) : undefined;
      const reminderMinutes = $('meeting-reminder').value ? Number($('meeting-reminder').value) : undefined;
      const meeting = await api().post('/meetings', {
        title: $('meeting-title').value, description: $('meeting-description').value, isPublic, audience,
        capacity, presence: lease ? { leaseSeconds: lease, graceSeconds: Number($('meeting-grace').value || 0) } : undefined,
        reminderMinutes,
      });
      e.target.reset();
      $('meeting-audience').disabled = true;
      putMeeting(meeting);
      meetingsChanged();
      $('instance-meeting').value = meeting.id;
      result.textContent = `Created meeting ${meeting.title} (#${meeting.id}).`;
    });
  });
  $('instance-from').value = localInput(nextSlot());
  $('instance-repeats').addEventListener('change', showRepeat);
  $('repeat-ends').addEventListener('change', showRepeat);
  $('instance-zone').textContent = `Your time zone: ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`;
  $('instance-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const { result, error } = outcome('instance');
    result.textContent = '';
    act(error, async () => {
      const meetingId = $('instance-meeting').value;
      if (!meetingId) throw new Error('Create a meeting first');
      if (!$('instance-from').value) throw new Error('Choose when it starts');
      const from = new Date($('instance-from').value); // a datetime-local value is read in the browser's zone
      const to = new Date(from.getTime() + Number($('instance-minutes').value) * 60 * 1000);
      const rrule = repeatRule(from);
      if (rrule) {
        const series = await api().post(`/meetings/${meetingId}/series`, {
          rrule, start: $('instance-from').value.length === 16 ? `${$('instance-from').value}:00` : $('instance-from').value,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, durationMinutes: Number($('instance-minutes').value),
        });
        for (const made of series.occurrences) {
          const instance = await api().get(`/instances/${made.instanceId}`);
          if (!hasInstance(instance.id)) putInstance(instance);
        }
        meetingsChanged();
        result.textContent = `Scheduled series #${series.id} (${rrule}): ${series.occurrences.length} instances made so far`
          + `${series.upcoming.length ? `, the first ${windowText(series.upcoming[0].start, series.upcoming[0].end)}` : ''}.`;
        await loadSeries();
        return;
      }
      const instance = await api().post(`/meetings/${meetingId}/instances`, { from: from.toISOString(), to: to.toISOString() });
      if (!hasInstance(instance.id)) putInstance(instance);
      meetingsChanged();
      result.textContent = `Scheduled instance #${instance.id}, ${windowText(instance.from, instance.to)}.`;
    });
  });

  $('webhook-events').replaceChildren(...EVENT_TYPES.map((type) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `webhook-event-${type}`, value: type, disabled: true }),
    h('label', { for: `webhook-event-${type}` }, type))));
  $('webhook-all').addEventListener('change', () => {
    for (const box of $('webhook-events').querySelectorAll('input')) box.disabled = $('webhook-all').checked;
  });
  $('webhook-form').addEventListener('submit', (e) => {
    e.preventDefault();
    $('webhook-result').textContent = '';
    $('webhook-secret-box').replaceChildren();
    act($('webhook-error'), async () => {
      const events = $('webhook-all').checked ? ['*']
        : [...$('webhook-events').querySelectorAll('input:checked')].map((box) => box.value);
      if (events.length === 0) throw new Error('Choose at least one event, or all of them');
      const made = await api().post('/webhooks', { url: $('webhook-url').value, events, description: $('webhook-description').value });
      e.target.reset();
      for (const box of $('webhook-events').querySelectorAll('input')) box.disabled = true;
      $('webhook-result').textContent = `Added webhook #${made.endpoint.id} for ${made.endpoint.url}.`;
      $('webhook-secret-box').replaceChildren(shownOnce('Its signing secret', made.secret));
      await loadWebhooks();
    });
  });
  $('webhook-status').addEventListener('change', () => { if (shownDeliveries) act($('webhook-error'), () => showDeliveries(shownDeliveries)); });
}

// ---- recurrence --------------------------------------------------------------------------

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The RFC 5545 rule the recurrence picker describes for a first start {@code from}, or null when it does not repeat. */
function repeatRule(from) {
  const freq = $('instance-repeats').value;
  if (!freq) return null;
  const parts = [`FREQ=${freq}`];
  if (freq === 'WEEKLY') {
    const days = [...$('repeat-days').querySelectorAll('input:checked')].map((box) => box.value);
    parts.push(`BYDAY=${(days.length ? days : [DAYS[from.getDay()]]).join(',')}`);
  }
  if (freq === 'MONTHLY') parts.push(`BYMONTHDAY=${from.getDate()}`);
  const ends = $('repeat-ends').value;
  if (ends === 'count') parts.push(`COUNT=${Number($('repeat-count').value)}`);
  if (ends === 'until') {
    if (!$('repeat-until').value) throw new Error('Choose the last day of the series');
    // The end of that day in the browser's zone, written in UTC as RFC 5545 asks.
    parts.push(`UNTIL=${new Date(`${$('repeat-until').value}T23:59:59`).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  }
  return parts.join(';');
}

function showRepeat() {
  const freq = $('instance-repeats').value;
  $('repeat-days').hidden = freq !== 'WEEKLY';
  $('repeat-end').hidden = !freq;
  const ends = $('repeat-ends').value;
  $('repeat-count').hidden = ends !== 'count';
  $('repeat-count-label').hidden = ends !== 'count';
  $('repeat-until').hidden = ends !== 'until';
  $('repeat-until-label').hidden = ends !== 'until';
}

/** Every meeting's series, with what comes next, a calendar download and a delete. */
async function loadSeries() {
  const all = [];
  for (const meeting of meetingList()) {
    const series = await api().get(`/meetings/${meeting.id}/series`).catch(() => []);
    for (const s of series) all.push({ meeting, s });
  }
  $('series-empty').hidden = all.length > 0;
  $('series-list').replaceChildren(...all.map(({ meeting, s }) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const next = s.upcoming.length ? `next ${windowText(s.upcoming[0].start, s.upcoming[0].end)}` : 'nothing to come';
    const li = h('li', { 'data-series': s.id }, h('span', { class: 'meeting-title' }, meeting.title), ' ',
      h('span', { class: 'hint' }, `#${s.id} · ${s.rrule} · from ${s.start.replace('T', ' ')} ${s.timeZone} · ${s.durationMinutes} min · ${next}`), ' ');
    li.append(h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'quiet small', 'data-series-calendar': s.id, onclick: () => act(error, async () => {
        const blob = await api().blob(`/meetings/${meeting.id}/calendar.ics`, 'text/calendar');
        const link = h('a', { href: URL.createObjectURL(blob), download: `meeting-${meeting.id}.ics` });
        document.body.append(link);
        link.click();
        link.remove();
      }) }, 'Calendar (.ics)'),
      h('button', { type: 'button', class: 'danger small', 'data-series-delete': s.id, onclick: () => confirmInline(li,
        'Delete this series and its instances still to come?', 'Yes, delete', () => act(error, async () => {
          const gone = await api().delete(`/meetings/${meeting.id}/series/${s.id}`);
          for (const id of gone.deletedInstances) forgetInstance(id);
          meetingsChanged();
          await loadSeries();
        })) }, 'Delete')), error);
    return li;
  }));
}

/** Reads what the view shows: users, meetings (already known), series and webhooks. */
export async function loadAdmin() {
  renderAdminMeetings();
  await Promise.all([loadUsers(), loadWebhooks(), loadSeries()]);
}
