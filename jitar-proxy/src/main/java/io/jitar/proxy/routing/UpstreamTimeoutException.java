package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;
import java.time.Duration;

/**
 * HTTP 504: the upstream took the request but made no progress within {@code jitar.proxy.timeout}.
 * Not retried: the upstream may still be running a procedure.
 */
public class UpstreamTimeoutException extends JitarException {

    /** Gateway Timeout. */
    public static final int STATUS = 504;

    private final String role;
    private final Duration timeout;

    /**
     * @param role    {@code gateway}, {@code worker} or {@code repository}
     * @param timeout the timeout that expired
     */
    public UpstreamTimeoutException(String role, Duration timeout) {
        super(STATUS, "The " + role + " did not answer within " + ProxySettings.describe(timeout));
        this.role = role;
        this.timeout = timeout;
    }

    public String role() {
        return role;
    }

    public Duration timeout() {
        return timeout;
    }
}
