// The administration view (#/admin), the administrator's only: users, meetings and their
// instances, scheduling, and webhooks, each a module of its own. Each form's outcome shows beside
// it; whatever cannot be undone (a deletion, a new token or secret that retires the old one) is
// asked for twice, the second time in words.
import { wireUsers, loadUsers } from './admin-users.js';
import { wireMeetingsAdmin, renderAdminMeetings } from './admin-meetings.js';
import { wireSchedule, loadSeries } from './admin-schedule.js';
import { wireWebhooks, loadWebhooks } from './admin-webhooks.js';

export function wireAdmin() {
  wireUsers();
  wireMeetingsAdmin();
  wireSchedule();
  wireWebhooks();
}

/** Reads what the view shows: users, meetings (already known), series and webhooks. */
export async function loadAdmin() {
  renderAdminMeetings();
  await Promise.all([loadUsers(), loadWebhooks(), loadSeries()]);
}
