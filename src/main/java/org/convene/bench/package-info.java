/**
 * The benchmark: Convene's engine, HTTP and live fan-out against the seed's algorithm and Redis's own limit,
 * with the figures docs/performance.md reports.
 */
package org.convene.bench;
