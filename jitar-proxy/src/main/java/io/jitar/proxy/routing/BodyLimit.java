package io.jitar.proxy.routing;

import java.util.List;
import java.util.Locale;

/**
 * The largest request body the proxy takes ({@code jitar.max-body-size}) and the checks made on
 * the headers that declare a body, before a byte of it is read. Immutable and thread-safe.
 */
public final class BodyLimit {

    /** {@link #declaredLength} of a chunked body: its length is known only at its end. */
    public static final long UNKNOWN_LENGTH = -1;

    /** The largest limit: one Java array holds the body. */
    public static final long LARGEST_LIMIT = Integer.MAX_VALUE - 8;

    private static final String CHUNKED = "chunked";

    private final long maxBytes;

    /** @param maxBytes the largest body, in bytes; must be > 0 and at most {@link #LARGEST_LIMIT} */
    public BodyLimit(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > LARGEST_LIMIT) {
            throw new IllegalArgumentException("maxBytes must be > 0 and <= " + LARGEST_LIMIT + ", got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The body length the headers declare: {@code 0} for no body, {@link #UNKNOWN_LENGTH} for a
     * chunked body. A request that declares its length in two ways, or in two different ways, is
     * refused: servers disagree on which one wins, which is how requests are smuggled past a
     * proxy (RFC 9112 section 6.3).
     *
     * @param contentLengths    every {@code Content-Length} value the request carries
     * @param transferEncodings every {@code Transfer-Encoding} value the request carries
     * @throws MalformedRequestException for both headers together, several or malformed
     *                                   lengths, or a transfer coding other than chunked last
     * @throws BodyTooLargeException     for a declared length above the limit
     */
    public long declaredLength(List<String> contentLengths, List<String> transferEncodings) {
        if (!contentLengths.isEmpty() && !transferEncodings.isEmpty()) {
            throw new MalformedRequestException("A request must not carry both Content-Length and Transfer-Encoding");
        }
        if (!transferEncodings.isEmpty()) {
            checkChunked(transferEncodings);
            return UNKNOWN_LENGTH;
        }
        if (contentLengths.isEmpty()) {
            return 0;
        }
        long length = parseLength(contentLengths);
        if (length > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        return length;
    }

    /** A buffer for one body: at most {@link #maxBytes()}, sized for {@code declaredLength}. */
    public BodyBuffer newBuffer(long declaredLength) {
        return new BodyBuffer(maxBytes, declaredLength);
    }

    private static long parseLength(List<String> values) {
        String first = null;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String trimmed = part.trim();
                if (first != null && !first.equals(trimmed)) {
                    throw new MalformedRequestException("Conflicting Content-Length values");
                }
                first = trimmed;
            }
        }
        if (first.isEmpty() || first.length() > 18 || !first.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedRequestException("Malformed Content-Length");
        }
        return Long.parseLong(first);
    }

    private static void checkChunked(List<String> values) {
        String last = values.get(values.size() - 1);
        String[] codings = last.split(",");
        if (codings.length == 0 || !CHUNKED.equals(codings[codings.length - 1].trim().toLowerCase(Locale.ROOT))) {
            throw new MalformedRequestException("Transfer-Encoding must end with chunked");
        }
    }
}
