// The lobby in the console. For the person waiting: their place, said again as it changes (polling it every few
// seconds also keeps the wait alive), and what came of it: let in (they join at once, on the seat kept for them),
// not let in, or the meeting ended. For the hosts: who waits, in order, with Let in and Turn away each, Let
// everyone in, and who waits at all (the meeting's lobby option, for its owner). The server decides every one of
// these in one step; the lists follow the instance's stream (lobby_* entries reach the hosts and the person alone).
import { $, h, act, userText, stamp } from './dom.js';
import { api, myId, openView, putMeeting, meetingsChanged, setInside, instanceById } from './state.js';

const POLL_MS = 3000;
const POLICIES = [['off', 'Nobody (outsiders are turned away)'], ['outsiders', 'People outside the audience'],
  ['everyone', 'Everyone but the hosts']];

/** Starts waiting in the open instance's lobby, from a join answered 202. */
export function startWaiting(view, waiting) {
  view.waiting = { state: 'waiting', position: waiting.position };
  drawWait(view);
  schedulePoll(view, POLL_MS);
}

/** Stops following the wait of a view that closes. */
export function stopWaiting(view) {
  if (view && view.waitTimer) clearTimeout(view.waitTimer);
  if (view) view.waitTimer = null;
}

function schedulePoll(view, ms) {
  stopWaiting(view);
  view.waitTimer = setTimeout(() => poll(view), ms);
}

/** Reads one's place (renewing the wait) and acts on what came of it. */
async function poll(view) {
  if (openView() !== view || !view.waiting) return;
  let place;
  try {
    place = await api().get(`/instances/${view.id}/lobby/${myId()}`);
  } catch (e) {
    $('lobby-wait-text').textContent = `Could not check your place: ${e.message}. Trying again.`;
    schedulePoll(view, POLL_MS);
    return;
  }
  if (openView() !== view || !view.waiting) return;
  view.waiting = { state: place.state, position: place.position };
  if (place.state === 'admitted') {
    await act($('instance-error'), async () => {
      const joined = await api().post(`/instances/${view.id}/participants`, { userId: myId() });
      view.waiting = { state: 'in' };
      setInside(view.id, true);
      view.participants.set(myId(), { userId: myId(), name: 'You', joinedAt: joined.joinedAt });
      meetingsChanged();
      // Someone outside the audience sees inside only now: the instance opens again, chat and all.
      if (view.inside === false && view.reopen) view.reopen();
    });
  }
  drawWait(view);
  if (view.waiting && view.waiting.state === 'waiting') schedulePoll(view, POLL_MS);
}

/** A lobby entry about oneself on the stream: check at once rather than at the next poll. */
export function lobbyEntryForMe(view) {
  if (view.waiting && view.waiting.state === 'waiting') schedulePoll(view, 0);
}

const SAID = {
  waiting: (w) => `You are waiting for a host to let you in: number ${w.position} in line. Keep this page open.`,
  in: () => 'A host let you in. You are in the meeting.',
  admitted: () => 'A host let you in.',
  denied: () => 'A host did not let you into this meeting.',
  closed: () => 'The meeting ended before a host let you in.',
  gone: () => 'You are no longer waiting.',
  none: () => 'You are no longer waiting.',
};

/** Draws the waiting line under the instance's buttons (hidden when not waiting). */
export function drawWait(view) {
  const box = $('lobby-wait');
  box.hidden = !view.waiting;
  if (!view.waiting) return;
  $('lobby-wait-text').textContent = (SAID[view.waiting.state] || SAID.gone)(view.waiting);
  $('lobby-leave').hidden = view.waiting.state !== 'waiting';
}

/** The hosts' lobby panel: the policy for the owner, who waits with Let in and Turn away each, Let everyone in. */
export async function refreshLobby(view, meeting, mayDecide, runsIt) {
  const panel = $('lobby-panel');
  panel.hidden = !mayDecide;
  if (!mayDecide) return;
  const policy = $('lobby-policy');
  if (policy.options.length === 0) policy.append(...POLICIES.map(([value, label]) => h('option', { value }, label)));
  policy.value = meeting.lobby || 'off';
  policy.disabled = !runsIt;
  let lobby;
  try {
    lobby = await api().get(`/instances/${view.id}/lobby`);
  } catch (e) {
    $('host-error').textContent = e.message;
    return;
  }
  if (openView() !== view) return;
  const error = $('host-error');
  $('lobby-empty').hidden = lobby.waiting.length > 0;
  $('lobby-seats').textContent = lobby.free == null ? '' : `${lobby.free} of ${lobby.capacity} seats free.`;
  $('lobby-admit-all').hidden = lobby.waiting.length === 0;
  $('lobby-list').replaceChildren(...lobby.waiting.map((w) => h('li', { 'data-waiter': w.userId },
    `${w.position}. `, userText(w.name), ' ', h('span', { class: 'hint' }, 'waiting since '), stamp(w.since), ' ',
    h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'small', 'data-admit': w.userId,
        onclick: () => act(error, () => api().post(`/instances/${view.id}/lobby/${w.userId}/admit`)) }, 'Let in'),
      h('button', { type: 'button', class: 'quiet small', 'data-deny': w.userId,
        onclick: () => act(error, () => api().post(`/instances/${view.id}/lobby/${w.userId}/deny`)) }, 'Turn away')))));
  const more = lobby.waitingCount - lobby.waiting.length;
  $('lobby-more').textContent = more > 0 ? `And ${more} more.` : '';
  await drawGuestLinks(view);
}

/** The occurrence's guest links, each with Revoke while it still opens. */
async function drawGuestLinks(view) {
  const links = await api().get(`/instances/${view.id}/guest-links`);
  if (openView() !== view) return;
  const error = $('host-error');
  $('guest-links').replaceChildren(...links.map((l) => h('li', { 'data-guest-link': l.id }, `Link ${l.id}, made `,
    stamp(l.madeAt), l.revokedAt ? [' ', h('span', { class: 'hint' }, 'revoked')] : [' ',
      h('button', { type: 'button', class: 'quiet small', 'data-revoke-link': l.id, onclick: () => act(error, async () => {
        await api().delete(`/instances/${view.id}/guest-links/${l.id}`);
        await drawGuestLinks(view);
      }) }, 'Revoke')])));
}

export function wireLobby() {
  $('lobby-leave').addEventListener('click', () => act($('instance-error'), async () => {
    const view = openView();
    await api().delete(`/instances/${view.id}/lobby/${myId()}`);
    stopWaiting(view);
    view.waiting = { state: 'gone' };
    drawWait(view);
  }));
  $('lobby-admit-all').addEventListener('click', () => act($('host-error'), async () => {
    const result = await api().post(`/instances/${openView().id}/lobby/admit-all`);
    $('lobby-seats').textContent = result.stillWaiting > 0
      ? `Let ${result.admitted.length} in; ${result.stillWaiting} still waiting: no seat is free.` : `Let ${result.admitted.length} in.`;
  }));
  $('guest-link-make').addEventListener('click', () => act($('host-error'), async () => {
    const view = openView();
    const made = await api().post(`/instances/${view.id}/guest-links`);
    $('guest-link-made').hidden = false;
    $('guest-link-url').value = `${location.origin}${location.pathname}#/guest/${encodeURIComponent(made.link)}`;
    $('guest-link-url').select();
    await drawGuestLinks(view);
  }));
  $('lobby-policy').addEventListener('change', (e) => act($('host-error'), async () => {
    const meetingId = instanceById(openView().id).meetingId;
    putMeeting(await api().request('PATCH', `/meetings/${meetingId}`, { lobby: e.target.value }));
    meetingsChanged();
  }));
}
