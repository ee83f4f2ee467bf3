// The administration's audit trail: every chain's sealed records newest first, filtered by action, actor and
// chain, in words (who did what to what, when), a page at a time; and the server's verification of the whole
// trail, "verified up to checkpoint N", which a witness repeats offline with `convene audit verify`.
import { $, h, act, stamp, userText } from './dom.js';
import { api } from './state.js';

const PAGE = 50;
let oldest = null; // the oldest record shown: the next page goes on after it

/** One record as a table row: when, what, who, on what, and how it ended where it was refused. */
function recordRow(r) {
  const who = r.actor.kind === 'user' ? `user ${r.actor.id} (${r.actor.role})` : r.actor.kind;
  const change = r.before || r.after ? `${r.before || '—'} → ${r.after || '—'}` : '';
  return h('tr', { 'data-audit-record': `${r.chain}#${r.seq}` },
    h('td', {}, stamp(r.at)), h('td', {}, `${r.chain} #${r.seq}`),
    h('td', {}, r.action.replaceAll('_', ' '), r.outcome === 'ok' ? null : h('span', { class: 'badge off' }, r.outcome)),
    h('td', {}, who), h('td', {}, userText(r.target)), h('td', {}, userText(change)));
}

function query(before) {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [field, id] of [['action', 'audit-action'], ['actor', 'audit-actor'], ['chain', 'audit-chain']]) {
    const value = $(id).value.trim();
    if (value) params.set(field, value);
  }
  if (before) {
    params.set('before', before.at);
    params.set('beforeRecord', `${before.chain}#${before.seq}`);
  }
  return `/audit?${params}`;
}

async function readPage(more) {
  const records = await api().get(query(more ? oldest : null));
  const rows = records.map(recordRow);
  if (more) $('audit-rows').append(...rows); else $('audit-rows').replaceChildren(...rows);
  if (records.length > 0) oldest = records[records.length - 1];
  $('audit-empty').hidden = more || records.length > 0;
  $('audit-more').hidden = records.length < PAGE;
}

/** Asks the server to verify the whole trail and says up to which signed checkpoint it holds, or where it breaks. */
async function verify() {
  const v = await api().get('/audit/verification');
  const mark = $('audit-verified');
  mark.className = v.intact ? 'verified' : 'error';
  mark.textContent = v.intact
    ? (v.verifiedUpToCheckpoint > 0 ? `Verified up to checkpoint ${v.verifiedUpToCheckpoint}` : 'Verified (no checkpoint signed yet)')
      + `: ${v.records} records, ${v.checkpoints} checkpoints.`
    : `Broken: ${v.problem}`;
}

export function wireAudit() {
  $('audit-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act($('audit-error'), () => readPage(false));
  });
  $('audit-more').addEventListener('click', () => act($('audit-error'), () => readPage(true)));
  $('audit-verify').addEventListener('click', () => act($('audit-error'), verify));
}

export async function loadAudit() {
  await Promise.all([readPage(false), verify()]);
}
