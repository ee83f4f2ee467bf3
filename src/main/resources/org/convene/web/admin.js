// The administration view (#/admin/<page>): for the administrator four pages, Meetings (meetings, their
// occurrences, scheduling and series), Users, Webhooks and the Audit trail, each a module of its own and
// read only when shown; for an organizer the same view is "My meetings", the meetings they own. Until a
// first meeting exists, a "Start here" card says what to do first. Each form's outcome shows beside it;
// whatever cannot be undone (a deletion, a new token or secret that retires the old one) is asked for
// twice, the second time in words.
import { $ } from './dom.js';
import { wireUsers, loadUsers } from './admin-users.js';
import { wireMeetingsAdmin, renderAdminMeetings } from './admin-meetings.js';
import { wireSchedule, loadSeries } from './admin-schedule.js';
import { wireWebhooks, loadWebhooks } from './admin-webhooks.js';
import { wireAudit, loadAudit } from './admin-audit.js';
import { isAdmin, api, putMeeting, runList, onMeetingsChanged, showingAdmin } from './state.js';

/** The pages an administrator has; an organizer has the first alone. */
const ADMIN_PAGES = ['meetings', 'users', 'webhooks', 'audit'];

export function wireAdmin() {
  wireUsers();
  wireMeetingsAdmin();
  wireSchedule();
  wireWebhooks();
  wireAudit();
  onMeetingsChanged(() => { if (showingAdmin()) showFirstRun(); });
}

/** "Start here" while the caller runs no meeting yet, on the meetings page; an organizer's steps leave out users and webhooks. */
function showFirstRun() {
  const meetingsPage = !$('meetings-card').hidden;
  $('first-run').hidden = !meetingsPage || runList().length > 0;
  $('first-run-people').hidden = !isAdmin();
  $('first-run-hooks').hidden = !isAdmin();
}

/**
 * Shows page {@code wanted} (an organizer always gets their meetings) and reads what it shows: users, webhooks or
 * the audit trail for an administrator; the meetings (already known, read again), their occurrences and series.
 */
export async function loadAdmin(wanted = 'meetings') {
  const admin = isAdmin();
  const page = admin && ADMIN_PAGES.includes(wanted) ? wanted : 'meetings';
  $('admin-title').textContent = admin ? 'Administration' : 'My meetings';
  $('admin-tabs').hidden = !admin;
  for (const tab of ADMIN_PAGES) $(`tab-${tab}`).setAttribute('aria-current', tab === page ? 'page' : 'false');
  for (const card of document.querySelectorAll('[data-admin-page]')) card.hidden = card.dataset.adminPage !== page;
  if (page === 'users') return loadUsers();
  if (page === 'webhooks') return loadWebhooks();
  if (page === 'audit') return loadAudit();
  // Meetings made elsewhere since sign-in (with no occurrence yet, the lifecycle feed has not named them): read again,
  // so that what is offered (Delete, a hand-over) follows who owns what now.
  for (const meeting of await api().all('/meetings')) putMeeting(meeting);
  renderAdminMeetings();
  showFirstRun();
  return loadSeries();
}
