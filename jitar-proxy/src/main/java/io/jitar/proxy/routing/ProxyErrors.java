package io.jitar.proxy.routing;

import io.jitar.core.http.ForwardingFailure;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.ErrorMapping;
import java.time.Duration;

/**
 * Where the proxy decides what a failure answers: a status and an {@link ErrorBody}
 * {@code {"message":"...","status":502}}, written like every Jitar service's ({@link ErrorBody#jsonBytes()}),
 * never HTML and never a stack trace.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProxyErrors {

    /** The content type of every error answer. */
    public static final String CONTENT_TYPE = "application/json";

    private ProxyErrors() {
    }

    /**
     * What the client gets for a failure of an upstream call, classified like the gateway does
     * ({@link ForwardingFailure}): not connected or broken → {@link UpstreamUnreachableException}
     * (502), no answer in time → {@link UpstreamTimeoutException} (504); anything else is returned
     * as it is (a bug: 500).
     */
    public static Throwable upstreamFailure(Upstream upstream, Duration timeout, Throwable error) {
        return switch (ForwardingFailure.of(error)) {
            case NOT_CONNECTED, BROKEN_AFTER_SENDING -> new UpstreamUnreachableException(upstream.role(), error);
            case TIMED_OUT -> new UpstreamTimeoutException(upstream.role(), timeout);
            case UNEXPECTED -> ErrorMapping.unwrap(error);
        };
    }

    /**
     * The answer to {@code error}, as {@link ErrorMapping} (the one mapping of every service) gives
     * it, without the exception's type: no client of the proxy rethrows it, and the proxy's own
     * exception classes are no business of the browser.
     */
    public static ErrorBody bodyOf(Throwable error) {
        ErrorBody body = ErrorMapping.bodyOf(error);
        return body.type() == null ? body : new ErrorBody(body.status(), body.message(), null);
    }
}
