package io.jitar.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The JSON body of every error answer of every service: {@code {"message":"...","status":404,"type":"..."}}.
 * {@code type} names the exception class so that a remote caller can rethrow the same type; it is
 * left out for failures the runtime does not want to describe. Never contains a stack trace.
 * {@link ErrorMapping} makes one from any exception; {@link io.jitar.core.remote.RemoteErrors}
 * turns one back into an exception on the calling side.
 */
public record ErrorBody(int status, String message, String type) {

    /** This answer as JSON text, written by the runtime's one JSON-B ({@link WireJson}). */
    public String json() {
        return WireJson.jsonb().toJson(this);
    }

    /** {@link #json()} as UTF-8 bytes, ready to write. */
    public byte[] jsonBytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }
}
