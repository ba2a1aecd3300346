package io.jitar.proxy.routing;

import java.util.Arrays;

/**
 * Collects one request body up to a limit, so that a body over the limit is refused before any
 * of it reaches an upstream. Grows as bytes arrive (a declared length sizes it at once, up to
 * 64 KiB); memory per request is bounded by the limit.
 *
 * <p>Not thread-safe: one request's reads are serialized by the container.
 */
public final class BodyBuffer {

    private static final int INITIAL_CAPACITY = 8 * 1024;
    private static final int LARGEST_PRESIZE = 64 * 1024;

    private final long limit;
    private byte[] bytes;
    private int size;

    /**
     * @param limit          the largest body, in bytes
     * @param declaredLength the length the headers declared, or {@link BodyLimit#UNKNOWN_LENGTH}
     */
    BodyBuffer(long limit, long declaredLength) {
        this.limit = limit;
        long presize = declaredLength > 0 ? Math.min(declaredLength, LARGEST_PRESIZE) : INITIAL_CAPACITY;
        this.bytes = new byte[(int) Math.min(presize, limit)];
    }

    /**
     * Appends {@code length} bytes of {@code source} from {@code offset}.
     *
     * @throws BodyTooLargeException when the body grows beyond the limit; the buffer keeps what it had
     */
    public void append(byte[] source, int offset, int length) {
        if ((long) size + length > limit) {
            throw new BodyTooLargeException(limit);
        }
        if (size + length > bytes.length) {
            long doubled = Math.max((long) bytes.length * 2, (long) size + length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, limit));
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    public int size() {
        return size;
    }

    /**
     * The body collected so far: a copy only when the buffer is larger than the body, so append
     * nothing after this call.
     */
    public byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
