/**
 * The shapes callers see: JSON views of the domain, problem documents, attendance as CSV, calendars as
 * iCalendar. Shared by the HTTP server and the command line.
 */
package org.convene.view;
