/**
 * The domain's values: users, meetings, instances, events, chat, attendance, stream positions. Records that
 * validate in their constructor and name the bad field; {@link org.convene.model.Refusal} and
 * {@link org.convene.model.RefusedException} for every refusal, with no transport in them. Depends on the JDK alone.
 */
package org.convene.model;
