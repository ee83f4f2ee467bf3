// The open instance's attendance report: who was in and for how long, read when asked for and read
// again when the instance ends (the report is final then), or saved as CSV. The report is the
// server's; this module only draws it and hands its CSV to the browser.
import { $, h, timeFormat, userText } from './dom.js';
import { api, myId, openView } from './state.js';

const ENDED_BY = { left: 'left', timeout: 'until the end', removed: 'taken out', reaped: 'stopped answering',
  kicked: 'removed by a host', banned: 'banned by a host' };

function minutes(seconds) {
  const m = Math.floor(seconds / 60);
  return m >= 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min ${seconds % 60} s`;
}

/**
 * Reads the instance's report and draws it: as a timeline (the server's picture, inline so that each bar takes the
 * keyboard and says its title on hover and focus), with the table one click away; both filtered by the share of the
 * meeting each person stayed.
 */
export async function showAttendance(view) {
  view.attendanceShown = true;
  const [report, picture] = await Promise.all([api().get(`/instances/${view.id}/attendance`),
    api().blob(`/instances/${view.id}/attendance.svg`, 'image/svg+xml').then((b) => b.text())]);
  if (openView() !== view) return;
  const svg = new DOMParser().parseFromString(picture, 'image/svg+xml').documentElement;
  $('attendance-timeline').replaceChildren(document.importNode(svg, true));
  view.attendanceReport = report;
  const peak = report.peakAt ? `, at most ${report.peakConcurrent} at once (${timeFormat.format(new Date(report.peakAt))})` : '';
  $('attendance-summary').textContent = report.uniqueAttendees === 0 ? 'Nobody has joined yet.'
    : `${report.uniqueAttendees} ${report.uniqueAttendees === 1 ? 'person' : 'people'}${peak}.`;
  $('attendance-rows').replaceChildren(...report.attendees.map((a) => h('tr', { 'data-user': a.userId },
    h('th', { scope: 'row' }, a.userId === myId() ? 'You' : userText(a.name)),
    h('td', {}, minutes(a.presentSeconds)),
    h('td', {}, report.actual ? `${Math.round(a.shareOfActual * 100)}%` : '–'),
    h('td', {}, a.segments.map((s) => `${timeFormat.format(new Date(s.joinedAt))} – ${s.leftAt
      ? `${timeFormat.format(new Date(s.leftAt))} (${ENDED_BY[s.endedBy] || s.endedBy})` : 'now'}`).join('; ')))));
  const asTable = $('attendance-as-table').getAttribute('aria-pressed') === 'true';
  $('attendance-tools').hidden = report.attendees.length === 0;
  $('attendance-timeline').hidden = report.attendees.length === 0 && !report.waiting;
  $('attendance-table').hidden = report.attendees.length === 0 || !asTable;
  filterAttendance(view);
}

/** Keeps the people who stayed at least the threshold's share of the meeting: the rest leave the table and fade. */
export function filterAttendance(view) {
  const report = view && view.attendanceReport;
  if (!report) return;
  const least = Math.max(0, Math.min(100, Number($('attendance-threshold').value) || 0)) / 100;
  for (const a of report.attendees) {
    const kept = a.shareOfActual + 1e-9 >= least;
    const row = document.querySelector(`#attendance-rows tr[data-user="${a.userId}"]`);
    if (row) row.hidden = !kept;
    const bars = document.querySelector(`#attendance-timeline g[data-person="${a.userId}"]`);
    if (bars) bars.classList.toggle('faded', !kept);
  }
}

/** Switches between the timeline and the table (the timeline's text alternative). */
export function toggleAttendanceTable() {
  const button = $('attendance-as-table');
  const asTable = button.getAttribute('aria-pressed') !== 'true';
  button.setAttribute('aria-pressed', String(asTable));
  button.textContent = asTable ? 'Show as a timeline' : 'Show as a table';
  $('attendance-table').hidden = !asTable;
  $('attendance-timeline').hidden = asTable;
}

/** Saves the report as CSV: fetched with the token (a plain link could not send it), then handed to the browser. */
export async function downloadAttendance(view) {
  // The sheet in people's words (how each stretch ended, minutes); the default CSV keeps the API's names for programs.
  const blob = await api().blob(`/instances/${view.id}/attendance?format=people`, 'text/csv');
  const link = h('a', { href: URL.createObjectURL(blob), download: `attendance-${view.id}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
