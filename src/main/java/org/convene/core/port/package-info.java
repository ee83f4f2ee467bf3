/**
 * The ports the application needs from storage, one per capability (users, meetings, the roster, chat, the
 * events log, attendance, live feeds, credentials, allowances, maintenance), and
 * {@link org.convene.core.port.Storage}, which hands them out. The store implements each with a part of its own.
 */
package org.convene.core.port;
