package io.jitar.proxy.routing;

import io.jitar.core.http.ForwardingFailure;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.ErrorMapping;
import io.jitar.errors.JitarException;
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

    static final String INTERNAL_MESSAGE = "Internal server error";

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
     * The answer to {@code error}: a {@link JitarException} keeps its status and message; anything
     * else is a 500 without details, because its message may describe internals. The exception's
     * type is left out: no client of the proxy rethrows it.
     */
    public static ErrorBody bodyOf(Throwable error) {
        Throwable cause = ErrorMapping.unwrap(error);
        if (cause instanceof JitarException jitar) {
            return new ErrorBody(jitar.status(), jitar.getMessage() == null ? "" : jitar.getMessage(), null);
        }
        return new ErrorBody(500, INTERNAL_MESSAGE, null);
    }
}
