package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;

/**
 * HTTP 400: the request cannot be forwarded as it is (a path with dot segments or encoded
 * slashes, a bad percent-encoding, an ambiguous body length). Nothing was sent upstream.
 */
public class MalformedRequestException extends JitarException {

    /** Bad Request. */
    public static final int STATUS = 400;

    public MalformedRequestException(String message) {
        super(STATUS, message);
    }
}
