package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.proxy.routing.BodyTooLargeException;
import io.jitar.proxy.routing.MalformedRequestException;
import io.jitar.proxy.routing.MethodNotAllowedException;
import io.jitar.proxy.routing.ProxyErrors;
import io.jitar.proxy.routing.RequestBodyTimeoutException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes the proxy's own error answers: the body {@link ProxyErrors} decides, as JSON, never HTML. */
final class ErrorAnswers {

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class.getName());

    private ErrorAnswers() {
    }

    /**
     * Replaces whatever {@code response} held (it must not be committed) by the answer to
     * {@code error}. After a refused or missing body the connection is closed: the unread rest
     * of the body must not be taken for the next request.
     */
    static void write(HttpServletResponse response, Throwable error) {
        ErrorBody body = ProxyErrors.bodyOf(error);
        if (body.status() == 500) {
            LOG.log(Level.SEVERE, "Unexpected failure in the proxy", error);
        }
        byte[] json = body.jsonBytes();
        try {
            response.reset();
            response.setStatus(body.status());
            response.setContentType(ProxyErrors.CONTENT_TYPE);
            response.setContentLength(json.length);
            if (error instanceof MethodNotAllowedException refused) {
                response.setHeader("Allow", refused.allowHeader());
            }
            if (error instanceof BodyTooLargeException || error instanceof MalformedRequestException
                    || error instanceof RequestBodyTimeoutException) {
                response.setHeader("Connection", "close");
            }
            response.getOutputStream().write(json);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, () -> "Could not answer " + body.status() + ": " + e);
        }
    }
}
