package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;
import java.time.Duration;

/**
 * HTTP 408: the client stopped sending its request body for longer than {@code jitar.proxy.timeout}.
 * Nothing was sent upstream.
 */
public class RequestBodyTimeoutException extends JitarException {

    /** Request Timeout. */
    public static final int STATUS = 408;

    public RequestBodyTimeoutException(Duration timeout) {
        super(STATUS, "The request body did not arrive within " + ProxySettings.describe(timeout));
    }
}
