/**
 * What recurring series need from storage ({@link org.convene.series.port.SeriesStore}).
 */
package org.convene.series.port;
