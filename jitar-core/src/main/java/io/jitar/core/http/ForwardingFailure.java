package io.jitar.core.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * What went wrong with one forwarded request, which decides what the gateway (fail over or not)
 * and the proxy (502 or 504) do next. Classified from the whole cause chain, because clients wrap
 * their failures; the Jetty client of both is first stated exactly by {@link #ofClientCall}, and the
 * JDK client's timeout types are recognized as well.
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

    /**
     * A failed call of the forwarding client, stated so that {@link #of} classifies it exactly:
     * a timeout stays as it is (TIMED_OUT, also while queued for a connection: an overloaded
     * upstream is not a dead one); any other failure before the request was written becomes a
     * {@link ConnectException} (NOT_CONNECTED: the upstream cannot have seen it); after that an
     * {@link IOException} (BROKEN_AFTER_SENDING), also for a malformed answer, which Jetty reports
     * as a runtime exception. The gateway and the proxy know "maybe written" from Jetty's begin
     * event (the request got a connection and started out on it).
     *
     * @param sent whether the request may have been written: once in doubt, it was
     */
    public static Throwable ofClientCall(Throwable error, boolean sent) {
        if (hasCause(error, TimeoutException.class)) {
            return error;
        }
        if (!sent) {
            ConnectException notSent = new ConnectException("Request not sent: " + error);
            notSent.initCause(error);
            return notSent;
        }
        return error instanceof IOException ? error : new IOException("Connection failed after sending: " + error, error);
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
