package io.jitar.core.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong with one forwarded request, which decides what the gateway may do next.
 * Classified from the whole cause chain, because {@code HttpClient} wraps its failures.
 */
public enum ForwardingFailure {

    /**
     * No connection was made ({@link ConnectException}, {@link HttpConnectTimeoutException}): the
     * request was never written, so another worker may always take it.
     */
    NOT_CONNECTED,

    /**
     * The worker took the request but did not answer in time ({@link HttpTimeoutException} of the
     * JDK client, {@link TimeoutException} of the forwarding client).
     */
    TIMED_OUT,

    /** Another {@link IOException}: the connection broke after the request may have been sent. */
    BROKEN_AFTER_SENDING,

    /** Not a network failure: a bug or a refused request, never retried. */
    UNEXPECTED;

    /** The chain is searched to this depth, which guards against cyclic causes. */
    private static final int MAX_DEPTH = 16;

    /** Classifies {@code error} and its causes, connection failures first. */
    public static ForwardingFailure of(Throwable error) {
        if (hasCause(error, ConnectException.class) || hasCause(error, HttpConnectTimeoutException.class)) {
            return NOT_CONNECTED;
        }
        if (hasCause(error, HttpTimeoutException.class) || hasCause(error, TimeoutException.class)) {
            return TIMED_OUT;
        }
        if (hasCause(error, IOException.class)) {
            return BROKEN_AFTER_SENDING;
        }
        return UNEXPECTED;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }
}
