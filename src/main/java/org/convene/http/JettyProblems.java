package org.convene.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.convene.view.Json;
import org.convene.view.Problem;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, of requests it never hands to Javalin (an ambiguous or too long URI, headers
 * too large, an unknown HTTP version, a bad Content-Length), as problem documents with the headers
 * every answer has, instead of Jetty's HTML page. Nothing of the request is echoed: its URI may carry
 * a token ({@code ?access_token=}, a calendar feed's address), and what Jetty could not read is not
 * worth repeating.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) status = e.getCode();
        response.setStatus(status);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(Json.toString(problem(status)).getBytes(StandardCharsets.UTF_8)), callback);
        }
        return true;
    }

    private static Problem problem(int status) {
        return switch (status) {
            case 400 -> Problem.of("malformed-request", 400, "HTTP cannot read this request", null);
            case 413 -> Problem.of("payload-too-large", 413, "The body is larger than this server accepts", null);
            case 414 -> Problem.of("uri-too-long", 414, "The URI is longer than this server accepts", null);
            case 431 -> Problem.of("headers-too-large", 431, "The request's headers are larger than this server accepts", null);
            case 505 -> Problem.of("http-version-not-supported", 505, "This server speaks HTTP/1.1", null);
            default -> status >= 500 ? Problem.of("internal-error", status, "Something went wrong; it has been logged", null)
                    : Problem.of("http-" + status, status, HttpStatus.getMessage(status), null);
        };
    }
}
