package org.convene.http;

import io.javalin.http.Header;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Takes {@code X-HTTP-Method-Override} off every request before Javalin sees it. Javalin routes by
 * that header when a request has it (its {@code Context.method()}; Javalin 7 has no setting to turn
 * this off), so a GET, which proxies, caches, logs and access rules take for a read, saying "DELETE"
 * there was a deletion. A request is now what its request line says it is.
 */
final class MethodOverrideIgnored extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(Header.X_HTTP_METHOD_OVERRIDE)) return super.handle(request, response, callback);
        HttpFields headers = HttpFields.build(request.getHeaders()).remove(Header.X_HTTP_METHOD_OVERRIDE).asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        }, response, callback);
    }
}
