package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;

/** HTTP 413: the request body is larger than {@code jitar.max-body-size}. Nothing was sent upstream. */
public class BodyTooLargeException extends JitarException {

    /** Content Too Large. */
    public static final int STATUS = 413;

    private final long limit;

    /** @param limit the configured maximum, in bytes */
    public BodyTooLargeException(long limit) {
        super(STATUS, "Request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
