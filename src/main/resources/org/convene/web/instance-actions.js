// What a person can do in the open instance: join, leave or (the administrator) end it, post to
// its chat, show one person's messages only, scroll back through chat and the event log, and ask
// for its attendance. Each action acts on whichever instance is open when it is taken, and its
// refusal shows under the instance's buttons.
import { $, act } from './dom.js';
import { PAGE, renderInstance } from './instance.js';
import { showAttendance, downloadAttendance, filterAttendance, toggleAttendanceTable } from './attendance.js';
import { startWaiting } from './lobby.js';
import { api, myId, now, openView, onMeetingsChanged, setInside, meetingsChanged } from './state.js';

const MAX_TEXT = 4000;

/** Function 9: shows only one user's messages in this instance, read whole from the server. */
async function filterChat(value) {
  const view = openView();
  if (!view) return;
  if (value === '') {
    view.only = null;
    renderInstance(true);
    return;
  }
  const userId = Number(value);
  const messages = await act($('instance-error'),
    () => api().get(`/instances/${view.id}/messages?userId=${userId}&limit=1000`));
  if (openView() !== view || !messages) return;
  view.only = userId;
  view.onlyMessages = messages;
  renderInstance(true);
}

/** Loads the page before the oldest item held, keeping the reader's place in the list. */
async function loadEarlier(what) {
  const view = openView();
  if (!view || view.loading) return;
  const items = what === 'messages' ? view.messages : view.events;
  if (items.length === 0) return;
  view.loading = true;
  try {
    const page = await api().get(`/instances/${view.id}/${what}?before=${items[0].id}&limit=${PAGE}`);
    if (openView() !== view) return;
    items.unshift(...page);
    if (what === 'messages') view.moreMessages = page.length === PAGE;
    else view.moreEvents = page.length === PAGE;
    const list = what === 'messages' ? $('chat') : $('events');
    const fromBottom = list.scrollHeight - list.scrollTop;
    renderInstance();
    list.scrollTop = list.scrollHeight - fromBottom;
  } catch (e) {
    $('instance-error').textContent = e.message;
  } finally {
    view.loading = false;
  }
}

export function wireInstanceActions() {
  // A meeting read again (its options, co-hosts or owner changed) redraws what the open instance offers.
  onMeetingsChanged(() => { if (openView()) renderInstance(); });
  $('attendance-show').addEventListener('click', () => act($('instance-error'), () => showAttendance(openView())));
  $('attendance-csv').addEventListener('click', () => act($('instance-error'), () => downloadAttendance(openView())));
  $('attendance-threshold').addEventListener('input', () => filterAttendance(openView()));
  $('attendance-as-table').addEventListener('click', toggleAttendanceTable);
  const instanceError = $('instance-error');
  $('join').addEventListener('click', () => act(instanceError, async () => {
    const joined = await api().post(`/instances/${openView().id}/participants`, { userId: myId() });
    if (joined.status === 'waiting') {
      // The meeting's lobby holds them until a host lets them in.
      startWaiting(openView(), joined);
      renderInstance();
      return;
    }
    setInside(openView().id, true);
    meetingsChanged();
    // Shown at once with the server's own join time (the one everyone else sees); the stream confirms it.
    openView().participants.set(myId(), { userId: myId(), name: 'You', joinedAt: joined.joinedAt || new Date(now()).toISOString() });
    renderInstance();
    $('message').focus();
  }));
  $('leave').addEventListener('click', () => act(instanceError, async () => {
    await api().delete(`/instances/${openView().id}/participants/${myId()}`);
    setInside(openView().id, false);
    meetingsChanged();
    openView().participants.delete(myId());
    renderInstance();
  }));
  // Ending takes everyone out at once: it is asked for twice, the second time in words.
  $('end').addEventListener('click', () => { $('end-confirm-row').hidden = false; $('end-confirm').focus(); });
  $('end-cancel').addEventListener('click', () => { $('end-confirm-row').hidden = true; $('end').focus(); });
  $('end-confirm').addEventListener('click', () => act(instanceError, async () => {
    $('end-confirm-row').hidden = true;
    await api().post(`/instances/${openView().id}/end`);
  }));

  const message = $('message');
  const count = () => {
    $('message-count').textContent = `${message.value.length} / ${MAX_TEXT}`;
    $('post').disabled = message.disabled || message.value.trim() === '';
  };
  message.maxLength = MAX_TEXT;
  message.addEventListener('input', count);
  message.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('post-form').requestSubmit();
    }
  });
  $('post-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = message.value;
    if (text.trim() === '' || message.disabled) return;
    act(instanceError, async () => {
      // One key per message: a retried send is stored once.
      await api().post(`/instances/${openView().id}/messages`, { userId: myId(), text },
        { 'Idempotency-Key': crypto.randomUUID() });
      message.value = '';
      count();
    });
  });
  $('chat-earlier').addEventListener('click', () => loadEarlier('messages'));
  $('chat-filter').addEventListener('change', (e) => filterChat(e.target.value));
  $('events-earlier').addEventListener('click', () => loadEarlier('events'));
  $('chat').addEventListener('scroll', () => { if ($('chat').scrollTop < 20 && openView() && openView().moreMessages) loadEarlier('messages'); });
}
