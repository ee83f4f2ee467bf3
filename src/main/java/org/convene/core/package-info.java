/**
 * The application: {@link org.convene.core.Convene} (every operation, on the store's ports and one clock),
 * {@link org.convene.core.Access} (every access rule), tokens, rate limits and the recheck of open streams;
 * {@link org.convene.core.Services} is the one door the adapters enter by. Imports neither Lettuce nor Javalin.
 */
package org.convene.core;
