package io.jitar.worker.rpc;

import io.jitar.core.protocol.EncodedResponse;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.JitarHeaders;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes an RPC answer, or the servlet's own JSON errors, to the HTTP response. Stateless. */
final class RpcResponses {

    /** Names the worker that served a call, when {@code jitar.worker.name} is set. */
    static final String WORKER_HEADER = "X-Jitar-Worker";
    static final String ALLOWED = "GET, POST, OPTIONS";
    private static final ErrorBody NOT_ALLOWED = new ErrorBody(405, "Method not allowed: use GET, POST or OPTIONS", null);
    private static final ErrorBody INTERNAL = new ErrorBody(500, "Internal server error", null);

    private RpcResponses() {
    }

    /**
     * The answer as encoded: status, both content types, the headers middleware set (a relative
     * {@code Location} stays relative: the worker's own address must not reach clients outside),
     * and the body unless {@code head}.
     */
    static void write(HttpServletResponse response, EncodedResponse encoded, String workerName, boolean head) throws IOException {
        response.setStatus(encoded.status());
        response.setContentType(encoded.contentType());
        response.setHeader(JitarHeaders.CONTENT_TYPE, encoded.jitarContentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        encoded.headers().forEach(response::setHeader);
        if (workerName != null) {
            response.setHeader(WORKER_HEADER, workerName);
        }
        body(response, encoded.body(), head);
    }

    static void notAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED);
        error(response, NOT_ALLOWED);
    }

    /** A failure outside any procedure (the caller learns nothing about it; the log does). */
    static void internal(HttpServletResponse response) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            error(response, INTERNAL);
        }
    }

    private static void error(HttpServletResponse response, ErrorBody error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/json");
        body(response, error.jsonBytes(), false);
    }

    private static void body(HttpServletResponse response, byte[] body, boolean head) throws IOException {
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }
}
