/**
 * Live streams as server-sent events: one reader of the feeds for every open stream
 * ({@link org.convene.http.live.FeedHub}), channels per feed, sinks per client, resume positions.
 */
package org.convene.http.live;
