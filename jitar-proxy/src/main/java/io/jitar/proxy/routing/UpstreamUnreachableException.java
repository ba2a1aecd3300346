package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;

/**
 * HTTP 502: the upstream could not be reached, or its connection broke before it answered. The
 * message names the upstream's role only, never its address: callers are outside the DMZ.
 */
public class UpstreamUnreachableException extends JitarException {

    /** Bad Gateway. */
    public static final int STATUS = 502;

    private final String role;

    /** @param role {@code gateway}, {@code worker} or {@code repository} */
    public UpstreamUnreachableException(String role, Throwable cause) {
        super(STATUS, "The " + role + " is not reachable", cause);
        this.role = role;
    }

    public String role() {
        return role;
    }
}
