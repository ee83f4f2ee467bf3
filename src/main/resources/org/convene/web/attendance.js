// The open instance's attendance report: who was in and for how long, read when asked for and read
// again when the instance ends (the report is final then), or saved as CSV. The report is the
// server's; this module only draws it and hands its CSV to the browser.
import { $, h, timeFormat, userText } from './dom.js';
import { api, myId, openView } from './state.js';

const ENDED_BY = { left: 'left', timeout: 'until the end', removed: 'removed', reaped: 'stopped answering' };

function minutes(seconds) {
  const m = Math.floor(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min ${seconds % 60} s`;
}

/** Reads the instance's report and draws it: one row a person, each stretch they were in. */
export async function showAttendance(view) {
  view.attendanceShown = true;
  const report = await api().get(`/instances/${view.id}/attendance`);
  if (openView() !== view) return;
  const peak = report.peakAt ? `, at most ${report.peakConcurrent} at once (${timeFormat.format(new Date(report.peakAt))})` : '';
  $('attendance-summary').textContent = report.uniqueAttendees === 0 ? 'Nobody has joined yet.'
    : `${report.uniqueAttendees} ${report.uniqueAttendees === 1 ? 'person' : 'people'}${peak}.`;
  $('attendance-rows').replaceChildren(...report.attendees.map((a) => h('tr', { 'data-user': a.userId },
    h('th', { scope: 'row' }, a.userId === myId() ? 'You' : userText(a.name)),
    h('td', {}, minutes(a.presentSeconds)),
    h('td', {}, report.actual ? `${Math.round(a.shareOfActual * 100)}%` : '–'),
    h('td', {}, a.segments.map((s) => `${timeFormat.format(new Date(s.joinedAt))} – ${s.leftAt
      ? `${timeFormat.format(new Date(s.leftAt))} (${ENDED_BY[s.endedBy] || s.endedBy})` : 'now'}`).join('; ')))));
  $('attendance-table').hidden = report.attendees.length === 0;
}

/** Saves the report as CSV: fetched with the token (a plain link could not send it), then handed to the browser. */
export async function downloadAttendance(view) {
  const blob = await api().blob(`/instances/${view.id}/attendance`, 'text/csv');
  const link = h('a', { href: URL.createObjectURL(blob), download: `instance-${view.id}-attendance.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
