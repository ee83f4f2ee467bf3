/**
 * The HTTP adapter on Javalin: routes, authentication, request bodies read strictly, problems mapped once,
 * the OpenAPI document and the web console's files. Reaches the application through
 * {@link org.convene.core.Services} only.
 */
package org.convene.http;
