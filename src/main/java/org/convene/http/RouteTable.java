package org.convene.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes, each with exactly one {@link Role}, so that the route classes read like the
 * access matrix; remembers them as "GET /users/{id}" for the test that holds openapi.yaml to them.
 */
final class RouteTable {
    private final RoutesConfig routes;
    private final List<String> registered = new ArrayList<>();

    RouteTable(RoutesConfig routes) {
        this.routes = routes;
    }

    /**
     * A GET route, and HEAD on the same path with the same role and handler (Jetty sends no body for a
     * HEAD). Without its own, Javalin answers a HEAD 200 wherever there is a GET, before any role is
     * held to it. Only the GET is listed: HTTP gives every GET its HEAD.
     */
    void get(String path, Role role, Handler handler) {
        add(HandlerType.GET, path, role, handler);
        routes.addHttpHandler(HandlerType.HEAD, path, handler, role);
    }

    void post(String path, Role role, Handler handler) {
        add(HandlerType.POST, path, role, handler);
    }

    void put(String path, Role role, Handler handler) {
        add(HandlerType.PUT, path, role, handler);
    }

    void patch(String path, Role role, Handler handler) {
        add(HandlerType.PATCH, path, role, handler);
    }

    void delete(String path, Role role, Handler handler) {
        add(HandlerType.DELETE, path, role, handler);
    }

    private void add(HandlerType method, String path, Role role, Handler handler) {
        routes.addHttpHandler(method, path, handler, role);
        registered.add(method.name() + " " + path);
    }

    List<String> registered() {
        return List.copyOf(registered);
    }
}
