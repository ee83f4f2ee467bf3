/**
 * Delivery of webhooks over HTTP with OkHttp ({@link org.convene.courier.OkHttpCourier}), checking the address
 * actually connected to against the guard.
 */
package org.convene.courier;
