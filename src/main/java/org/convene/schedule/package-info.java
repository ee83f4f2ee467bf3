/**
 * The scheduler: instances activated, ended and reaped on time, reminders sent, by a tick on an adjustable
 * clock over a narrow port ({@link org.convene.schedule.TransitionStore}) that any number of nodes may share.
 */
package org.convene.schedule;
