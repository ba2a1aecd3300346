package io.jitar.core.protocol;

import io.jitar.middleware.Response;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link Response} into bytes the way the original Jitar does: strings, numbers and
 * booleans as text with {@code X-Jitar-Content-Type} naming the type, everything else as JSON,
 * errors as an {@link ErrorBody}, and a {@code Location} header as a 302.
 *
 * <p>Holds one {@link Jsonb}; thread-safe.
 */
public final class ResultEncoder {

    private static final String TEXT_UTF8 = "text/plain;charset=UTF-8";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final byte[] EMPTY = new byte[0];

    private final Jsonb jsonb;

    public ResultEncoder(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    public EncodedResponse encode(Response response) {
        int status = response.getHeader("Location") != null ? 302 : response.status();
        Object result = response.result();
        if (result instanceof Throwable error) {
            return error(ErrorMapping.bodyOf(error), response);
        }
        if (result == null) {
            return new EncodedResponse(status, TEXT_UTF8, ContentTypes.NULL, EMPTY, response.headers());
        }
        if (result instanceof CharSequence || result instanceof Character) {
            return text(status, result.toString(), ContentTypes.TEXT, response);
        }
        if (result instanceof Number number) {
            String text = number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
            return text(status, text, ContentTypes.NUMBER, response);
        }
        if (result instanceof Boolean) {
            return text(status, result.toString(), ContentTypes.BOOLEAN, response);
        }
        byte[] json = jsonb.toJson(result).getBytes(StandardCharsets.UTF_8);
        return new EncodedResponse(status, JSON_UTF8, ContentTypes.JSON, json, response.headers());
    }

    /** The answer for a failure that happened before any procedure or middleware ran. */
    public EncodedResponse error(Throwable error) {
        return error(ErrorMapping.bodyOf(error), new Response(ErrorMapping.statusOf(error), error));
    }

    private EncodedResponse error(ErrorBody body, Response response) {
        return new EncodedResponse(body.status(), JSON_UTF8, ContentTypes.JSON, body.jsonBytes(), response.headers());
    }

    private static EncodedResponse text(int status, String text, String jitarType, Response response) {
        return new EncodedResponse(status, TEXT_UTF8, jitarType, text.getBytes(StandardCharsets.UTF_8), response.headers());
    }
}
