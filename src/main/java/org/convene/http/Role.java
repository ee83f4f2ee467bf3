package org.convene.http;

import io.javalin.security.RouteRole;

/** Who a route is for; every route declares one, and {@link Authentication} holds requests to it. */
enum Role implements RouteRole {
    /** Anyone, with no token: probes, documents and the console's files. */
    OPEN,
    /** Any signed-in caller; finer rules (acting as oneself, a private meeting's insides) are {@code Access}'s. */
    USER,
    /** The administrator only. */
    ADMIN,
    /**
     * A user's calendar feed, open to anyone holding its address: the token in the path is the credential,
     * looked up under the sign-in limit by {@link Authentication}, which hands the route the feed's owner.
     */
    FEED,
    /** The metrics scraper: the administrator or the metrics token, or anyone where metrics are made public. */
    METRICS
}
