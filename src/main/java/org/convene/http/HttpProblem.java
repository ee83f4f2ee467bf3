package org.convene.http;

/** A refusal that belongs to HTTP itself (wrong content type, malformed body, not a stream client...). */
final class HttpProblem extends RuntimeException {
    final int status;
    final String type;

    HttpProblem(int status, String type, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
    }

    static HttpProblem badRequest(String detail) {
        return new HttpProblem(400, "malformed-request", detail);
    }
}
