// The administration view (#/admin): for the administrator users, meetings and their instances,
// scheduling, and webhooks, each a module of its own; for an organizer the same view is "My meetings",
// the meetings they own. Each form's outcome shows beside
// it; whatever cannot be undone (a deletion, a new token or secret that retires the old one) is
// asked for twice, the second time in words.
import { $ } from './dom.js';
import { wireUsers, loadUsers } from './admin-users.js';
import { wireMeetingsAdmin, renderAdminMeetings } from './admin-meetings.js';
import { wireSchedule, loadSeries } from './admin-schedule.js';
import { wireWebhooks, loadWebhooks } from './admin-webhooks.js';
import { wireAudit, loadAudit } from './admin-audit.js';
import { isAdmin, api, putMeeting } from './state.js';

export function wireAdmin() {
  wireUsers();
  wireMeetingsAdmin();
  wireSchedule();
  wireWebhooks();
  wireAudit();
}

/**
 * Reads what the view shows: users, meetings (already known), series and webhooks for an administrator; for an
 * organizer, "My meetings": the meetings they own with their instances and series, and the form to make one.
 */
export async function loadAdmin() {
  const admin = isAdmin();
  $('admin-title').textContent = admin ? 'Administration' : 'My meetings';
  $('users-card').hidden = !admin;
  $('webhooks-card').hidden = !admin;
  $('audit-card').hidden = !admin;
  // Meetings made elsewhere since sign-in (with no occurrence yet, the lifecycle feed has not named them): read again,
  // so that what is offered (Delete, a hand-over) follows who owns what now.
  for (const meeting of await api().all('/meetings')) putMeeting(meeting);
  renderAdminMeetings();
  await Promise.all([admin ? loadUsers() : null, admin ? loadWebhooks() : null, admin ? loadAudit() : null, loadSeries()]);
}
