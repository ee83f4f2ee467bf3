package org.convene.http;

/** A refusal that belongs to HTTP itself (no token, wrong content type, too many requests...). */
final class HttpProblem extends RuntimeException {
    final int status;
    final String type;
    final String title;
    final int retryAfterSeconds;

    HttpProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, 0);
    }

    HttpProblem(int status, String type, String title, String detail, int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "malformed-request", "Malformed request", detail);
    }

    static HttpProblem unauthorized(String detail) {
        return new HttpProblem(401, "unauthorized", "Unauthorized", detail);
    }

    static HttpProblem forbidden(String detail) {
        return new HttpProblem(403, "forbidden", "Forbidden", detail);
    }

    static HttpProblem notFound(String detail) {
        return new HttpProblem(404, "not-found", "Not found", detail);
    }
}
