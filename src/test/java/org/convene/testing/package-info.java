/**
 * The harness the tests share, not tests themselves: real Redis servers and clusters (embedded, Redis 7,
 * a cluster with replicas whose processes a test can kill), Convene servers on ephemeral ports with a
 * client for their streams, child JVMs, and fixtures (the seed world, a store's keys dumped and restored).
 */
package org.convene.testing;
