package io.jitar.gateway.http;

import io.jitar.errors.JitarException;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads request bodies within {@code jitar.max-body-size} and checks their Content-Type. Stateless. */
public final class RequestBodies {

    /** Payload Too Large. */
    static final int TOO_LARGE = 413;
    /** Unsupported Media Type. */
    static final int UNSUPPORTED_TYPE = 415;

    private RequestBodies() {
    }

    /**
     * All bytes of {@code body}, refused with a 413 as soon as the declared length or the bytes
     * read exceed {@code maxBodySize}, so a huge body never fills the heap.
     */
    public static byte[] read(HttpHeaders headers, InputStream body, long maxBodySize) {
        return read(headers.getLength(), body, maxBodySize);
    }

    /** The body of a servlet request, as {@link #read(HttpHeaders, InputStream, long)} reads it. */
    public static byte[] read(HttpServletRequest request, long maxBodySize) {
        try {
            return read(request.getContentLengthLong(), request.getInputStream(), maxBodySize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(long declaredLength, InputStream body, long maxBodySize) {
        if (declaredLength > maxBodySize) {
            throw tooLarge(maxBodySize);
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (bytes.length > maxBodySize) {
                throw tooLarge(maxBodySize);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws JitarException 415 unless the Content-Type is JSON ({@code application/json}, any charset) */
    public static void requireJson(HttpHeaders headers) {
        if (!isJson(headers)) {
            String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            throw new JitarException(UNSUPPORTED_TYPE, "Unsupported Content-Type '" + (type == null ? "" : type)
                    + "': send application/json");
        }
    }

    private static boolean isJson(HttpHeaders headers) {
        try {
            MediaType type = headers.getMediaType();
            return type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                    && MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
        } catch (RuntimeException e) {
            // An unparsable Content-Type is as unsupported as a wrong one.
            return false;
        }
    }

    private static JitarException tooLarge(long maxBodySize) {
        return new JitarException(TOO_LARGE, "Request body is larger than " + maxBodySize + " bytes ("
                + GatewaySettings.MAX_BODY_SIZE + ")");
    }
}
