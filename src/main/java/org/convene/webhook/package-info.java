/**
 * Webhooks: endpoints and their sealed secrets, signatures (Standard Webhooks), the retry schedule, the
 * guard against private targets, and the dispatcher that delivers each instance's events in order.
 */
package org.convene.webhook;
