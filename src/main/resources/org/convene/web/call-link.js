// The meeting's call (a Jitsi, BigBlueButton or Zoom room), for those inside a live occurrence and
// for its hosts: read from the server once they may have it (it never travels with the meeting to
// people who have not joined), opened in a tab of its own, and gone from the screen once they leave
// or the occurrence ends.
import { $ } from './dom.js';
import { api, openView } from './state.js';
import { hosts } from './host-controls.js';

/** What joining means here, said before anyone joins. */
export function joinMeaning(meeting) {
  return meeting && meeting.hasCallLink
    ? "Joining puts you on the list of who is in, opens the chat and gives you this meeting's call (it opens in a new tab)."
    : 'Joining puts you on the list of who is in and opens the chat; this meeting has no audio or video call.';
}

/** Shows "Open the call" while the open occurrence is live and the caller is inside it or hosts it. */
export function renderCall(view, instance, meeting) {
  $('join-meaning').textContent = joinMeaning(meeting);
  const may = Boolean(meeting && meeting.hasCallLink && instance && instance.status === 'active' && (view.amIn || hosts(meeting)));
  if (!may) {
    $('call-box').hidden = true;
    return;
  }
  if (view.callVersion !== meeting.version) {
    // The hosts changed the meeting (perhaps its call) since the address was read: read it again.
    view.callUrl = null;
    view.callAsked = false;
    view.callVersion = meeting.version;
  }
  if (view.callUrl) {
    $('call-link').href = view.callUrl;
    $('call-box').hidden = false;
    return;
  }
  if (view.callAsked) return;
  view.callAsked = true;
  api().get(`/instances/${view.id}/call`).then((call) => {
    if (openView() !== view) return;
    view.callUrl = call.url;
    renderCall(view, instance, meeting);
  }, () => { view.callAsked = false; });
}
