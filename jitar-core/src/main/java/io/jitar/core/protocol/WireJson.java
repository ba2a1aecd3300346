package io.jitar.core.protocol;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The runtime's one JSON-B, shared by every service and every call: JSON-B is thread-safe, and
 * creating one costs a provider lookup and reflection that no request should pay. Created on first
 * use (from the server's JSON-B provider) and kept for the life of the deployment; its default
 * settings are the wire format: properties in lexicographic order, nulls left out.
 */
public final class WireJson {

    private WireJson() {
    }

    /** Lazily, once: the holder class is initialized on the first call. */
    private static final class Holder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    public static Jsonb jsonb() {
        return Holder.JSONB;
    }
}
