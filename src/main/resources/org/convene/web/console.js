// The Convene console's entry: it wires every view, signs in, and then shows the view the address
// names, following the address as it changes. The views are meetings.js (the grouped list),
// instance.js with instance-actions.js and attendance.js (the open instance), and admin.js (the
// administration); what they share is in state.js. It uses only the public API (see /docs).
import { $, act } from './dom.js';
import { redrawCountdowns } from './countdown.js';
import { wireMeetings } from './meetings.js';
import { openInstance, redrawInstanceState, backToList } from './instance.js';
import { wireInstanceActions } from './instance-actions.js';
import { wireOccurrenceActions } from './occurrence-actions.js';
import { wireAdmin, loadAdmin } from './admin.js';
import { wireSignIn } from './signin.js';
import { runsMeetings, isOpen, setShowing, isGuest, myId, openView, instanceById } from './state.js';
import { wireHostControls } from './host-controls.js';
import { wireLobby } from './lobby.js';
import { wireCalendar, showCalendar } from './calendar.js';

/**
 * The view the address names: #/calendar (and a day, a month) the calendar, #/admin and #/admin/<page> the
 * administration's pages (an organizer's "My meetings"), #/instances/<id>
 * an instance among the meetings (shared, bookmarked or reloaded, it opens after sign-in), anything else
 * the meetings.
 */
function route() {
  const calendar = /^#\/calendar(\/|$)/.test(location.hash) && Boolean(myId());
  $('calendar').hidden = !calendar;
  $('nav-calendar').setAttribute('aria-current', calendar ? 'page' : 'false');
  if (calendar) {
    setShowing('calendar');
    for (const id of ['admin', 'meetings', 'instance']) $(id).hidden = true;
    $('console').classList.add('admin-view');
    $('nav-admin').setAttribute('aria-current', 'false');
    $('nav-meetings').setAttribute('aria-current', 'false');
    showCalendar(location.hash);
    return;
  }
  const adminPage = /^#\/admin(?:\/([a-z]+))?$/.exec(location.hash);
  const admin = Boolean(adminPage) && runsMeetings();
  setShowing(admin ? 'admin' : 'meetings');
  $('admin').hidden = !admin;
  $('meetings').hidden = admin || isGuest();
  $('instance').hidden = admin;
  $('console').classList.toggle('admin-view', admin);
  $('nav-admin').setAttribute('aria-current', admin ? 'page' : 'false');
  $('nav-meetings').setAttribute('aria-current', admin ? 'false' : 'page');
  if (admin) {
    act($('admin-error'), () => loadAdmin(adminPage[1]));
    return;
  }
  const linked = /^#\/instances\/(\d+)$/.exec(location.hash);
  if (linked && !isOpen(Number(linked[1]))) openInstance(Number(linked[1]));
}

/** Once signed in: the countdowns tick, and the address decides what is shown. */
function ready() {
  setInterval(() => {
    redrawCountdowns();
    redrawInstanceState();
  }, 1000);
  route();
  window.addEventListener('hashchange', route);
}

$('back-to-list').addEventListener('click', backToList);
wireInstanceActions();
wireOccurrenceActions(() => { const view = openView(); return view && instanceById(view.id); });
wireHostControls();
wireLobby();
wireCalendar();
wireMeetings();
wireAdmin();
wireSignIn(ready);
