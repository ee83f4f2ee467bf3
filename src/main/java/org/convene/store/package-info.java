/**
 * Redis: every port of the application, the scheduler, series and webhooks, each implemented by a part of its
 * own and handed out by {@link org.convene.store.RedisStore}. Each operation is one Lua script on one hash tag
 * ({@code lua/<group>/<name>.lua}, each with a header naming its keys, arguments and reply); what spans slots is a
 * projection that can be re-applied and rebuilt. The embedded Redis, connections to a server or a cluster,
 * replica waits, and the data layout's version and migrations live here too.
 */
package org.convene.store;
