package io.jitar.gateway.rpc;

import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.ErrorMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RPC servlet's own error answers, in the same JSON shape as every other gateway error
 * ({@link ErrorMapping} decides status and message), never an HTML page or a stack trace.
 */
@ApplicationScoped
public class RpcErrors {

    /** The methods of the wire protocol, as the {@code Allow} header lists them. */
    static final String ALLOWED = "GET, OPTIONS, POST";

    private static final Logger LOG = Logger.getLogger(RpcErrors.class.getName());
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int PAYLOAD_TOO_LARGE = 413;

    /** Answers {@code error}; unexpected failures are logged, since their details stay here. */
    void write(HttpServletResponse response, Throwable error) throws IOException {
        if (!ErrorMapping.isExposed(error)) {
            LOG.log(Level.WARNING, "Request failed unexpectedly", ErrorMapping.unwrap(error));
        }
        ErrorBody body = ErrorMapping.bodyOf(error);
        if (body.status() == PAYLOAD_TOO_LARGE) {
            // The unread rest of the body must not be taken for the caller's next request.
            response.setHeader("Connection", "close");
        }
        write(response, body);
    }

    /** 405 for a method the protocol does not have; HEAD included, which would otherwise run GET. */
    void methodNotAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", ALLOWED);
        write(response, new ErrorBody(METHOD_NOT_ALLOWED, "Method not allowed; use " + ALLOWED, null));
    }

    private void write(HttpServletResponse response, ErrorBody body) throws IOException {
        byte[] bytes = body.jsonBytes();
        response.setStatus(body.status());
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
