// The administration's webhooks: each endpoint with the events it asks for, its health at a glance
// (of its latest deliveries, how many went, wait to be tried again or failed, and why), enabled or disabled,
// given a new signing secret or removed (both asked twice), its delivery log with a replay, and a
// form that adds one and shows its secret once. Which endpoint's deliveries are shown is this
// view's own, so it stays here rather than in the shared state.
import { $, h, act, userText, whenText } from './dom.js';
import { confirmInline, shownOnce, onSubmit } from './admin-prompts.js';
import { api } from './state.js';

const EVENT_TYPES = ['instance.scheduled', 'instance.rescheduled', 'instance.activated', 'instance.ended', 'instance.deleted',
  'participant.joined', 'participant.left', 'participant.timed_out', 'chat.message_posted', 'attendance.report_ready'];

let shownDeliveries = null; // the endpoint whose deliveries are shown

/** How many of an endpoint's latest deliveries its health line is drawn from. */
const HEALTH_WINDOW = 100;

export async function loadWebhooks() {
  const endpoints = await api().get('/webhooks');
  const recent = await Promise.all(endpoints.map((e) => api().get(`/webhooks/${e.id}/deliveries?limit=${HEALTH_WINDOW}`)
    .catch(() => null)));
  $('webhooks-empty').hidden = endpoints.length > 0;
  $('webhook-list').replaceChildren(...endpoints.map((e, i) => webhookRow(e, recent[i])));
  if (shownDeliveries && endpoints.some((e) => e.id === shownDeliveries)) await showDeliveries(shownDeliveries);
}

/** A delivery's trouble in words: the endpoint's answer, or what kept it from answering. */
const trouble = (d) => (d.lastCode ? `answered HTTP ${d.lastCode}` : d.lastError || 'no answer');

/** An endpoint's health from its latest deliveries (newest first), or why it could not be read. */
function health(e, recent) {
  if (recent === null) return h('p', { class: 'health hint', 'data-health': e.id }, 'Its deliveries could not be read just now.');
  if (recent.length === 0) return h('p', { class: 'health hint', 'data-health': e.id }, 'Nothing sent to it yet.');
  const count = (status) => recent.filter((d) => d.status === status).length;
  const troubled = recent.find((d) => d.status === 'failed' || d.status === 'retrying');
  const delivered = recent.find((d) => d.status === 'delivered');
  const state = count('failed') > 0 ? 'failed' : count('retrying') > 0 ? 'retrying' : 'delivered';
  return h('p', { class: 'health', 'data-health': e.id, 'data-state': state },
    h('span', {}, recent.length === HEALTH_WINDOW ? `Of the latest ${recent.length}:` : `All ${recent.length}:`),
    h('span', { class: 'delivered', 'data-count': 'delivered' }, `${count('delivered')} delivered`),
    count('pending') > 0 ? h('span', { 'data-count': 'pending' }, `${count('pending')} waiting`) : null,
    h('span', { class: 'retrying', 'data-count': 'retrying' }, `${count('retrying')} retrying`),
    h('span', { class: 'failed', 'data-count': 'failed' }, `${count('failed')} failed`),
    troubled ? h('span', { class: 'hint', 'data-trouble': troubled.id }, `latest trouble: ${troubled.type} ${trouble(troubled)}`) : null,
    delivered && delivered.deliveredAt ? h('span', { class: 'hint' }, `last delivered ${whenText(delivered.deliveredAt)}`) : null);
}

function webhookRow(e, recent) {
  const error = h('p', { class: 'error', role: 'alert' });
  const li = h('li', { 'data-webhook': e.id }, h('span', { class: 'url' }, e.url), ' ',
    h('span', { class: `badge ${e.enabled ? '' : 'off'}` }, e.enabled ? 'enabled' : 'disabled'),
    h('p', { class: 'hint' }, `#${e.id} · ${e.events.includes('*') ? 'all events' : e.events.join(', ')}`,
      e.description ? [' · ', userText(e.description)] : null, e.disabledReason ? [' · ', userText(e.disabledReason)] : null),
    health(e, recent));
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
    h('td', {}, d.nextAttemptAt ? whenText(d.nextAttemptAt) : '–'),
    h('td', {}, h('button', { type: 'button', class: 'quiet small', 'data-replay': d.id, onclick: () => act($('webhook-error'), async () => {
      const again = await api().post(`/webhooks/${endpointId}/deliveries/${d.id}/replay`);
      $('webhook-result').textContent = `Delivery #${d.id} queued again as #${again.id}, with the same webhook-id.`;
      await showDeliveries(endpointId);
    }) }, 'Send again')))));
  $('webhook-deliveries').hidden = false;
}

export function wireWebhooks() {
  $('webhook-events').replaceChildren(...EVENT_TYPES.map((type) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `webhook-event-${type}`, value: type, disabled: true }),
    h('label', { for: `webhook-event-${type}` }, type))));
  $('webhook-all').addEventListener('change', () => {
    for (const box of $('webhook-events').querySelectorAll('input')) box.disabled = $('webhook-all').checked;
  });
  onSubmit('webhook-form', 'webhook-result', 'webhook-error', async (result, form) => {
    $('webhook-secret-box').replaceChildren();
    const events = $('webhook-all').checked ? ['*']
      : [...$('webhook-events').querySelectorAll('input:checked')].map((box) => box.value);
    if (events.length === 0) throw new Error('Choose at least one event, or all of them');
    const made = await api().post('/webhooks', { url: $('webhook-url').value, events, description: $('webhook-description').value });
    form.reset();
    for (const box of $('webhook-events').querySelectorAll('input')) box.disabled = true;
    result.replaceChildren(`Added webhook #${made.endpoint.id} for `, userText(made.endpoint.url), '.');
    $('webhook-secret-box').replaceChildren(shownOnce('Its signing secret', made.secret));
    await loadWebhooks();
  });
  $('webhook-status').addEventListener('change', () => { if (shownDeliveries) act($('webhook-error'), () => showDeliveries(shownDeliveries)); });
}
