/**
 * Recurring series (RFC 5545 rules expanded with lib-recur in their own time zone), their occurrences made as
 * instances ahead of time by the horizon keeper, cancelled or moved one at a time, and split.
 */
package org.convene.series;
