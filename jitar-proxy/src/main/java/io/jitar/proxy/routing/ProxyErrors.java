package io.jitar.proxy.routing;

import io.jitar.core.http.ForwardingFailure;
import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.ErrorMapping;
import io.jitar.errors.JitarException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The one place where the proxy turns a failure into an answer: a status and a short JSON body
 * {@code {"message":"...","status":502}}, the shape every Jitar service answers errors with, never
 * HTML and never a stack trace.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProxyErrors {

    /** The content type of every error answer. */
    public static final String CONTENT_TYPE = "application/json";

    static final String INTERNAL_MESSAGE = "Internal server error";

    private ProxyErrors() {
    }

    /**
     * What the client gets for a failure of an upstream call, classified like the gateway does
     * ({@link ForwardingFailure}): not connected or broken → {@link UpstreamUnreachableException}
     * (502), no answer in time → {@link UpstreamTimeoutException} (504); anything else is returned
     * as it is (a bug: 500).
     */
    public static Throwable upstreamFailure(Upstream upstream, Duration timeout, Throwable error) {
        return switch (ForwardingFailure.of(error)) {
            case NOT_CONNECTED, BROKEN_AFTER_SENDING -> new UpstreamUnreachableException(upstream.role(), error);
            case TIMED_OUT -> new UpstreamTimeoutException(upstream.role(), timeout);
            case UNEXPECTED -> ErrorMapping.unwrap(error);
        };
    }

    /**
     * The answer to {@code error}: a {@link JitarException} keeps its status and message; anything
     * else is a 500 without details, because its message may describe internals. The exception's
     * type is left out: no client of the proxy rethrows it.
     */
    public static ErrorBody bodyOf(Throwable error) {
        Throwable cause = ErrorMapping.unwrap(error);
        if (cause instanceof JitarException jitar) {
            return new ErrorBody(jitar.status(), jitar.getMessage() == null ? "" : jitar.getMessage(), null);
        }
        return new ErrorBody(500, INTERNAL_MESSAGE, null);
    }

    /** {@code body} as JSON, keys in the order JSON-B writes them; {@code type} only when set. */
    public static String json(ErrorBody body) {
        StringBuilder json = new StringBuilder(64).append("{\"message\":");
        quote(body.message(), json);
        json.append(",\"status\":").append(body.status());
        if (body.type() != null) {
            json.append(",\"type\":");
            quote(body.type(), json);
        }
        return json.append('}').toString();
    }

    /** {@link #json} as UTF-8 bytes, ready to write. */
    public static byte[] jsonBytes(ErrorBody body) {
        return json(body).getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < ' ' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
