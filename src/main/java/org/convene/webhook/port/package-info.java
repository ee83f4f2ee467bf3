/**
 * What webhooks need from storage ({@link org.convene.webhook.port.WebhookStore} for the administration,
 * {@link org.convene.webhook.port.DeliveryQueue} for delivery) and from the network
 * ({@link org.convene.webhook.port.Courier}).
 */
package org.convene.webhook.port;
