package io.jitar.gateway.http;

import io.jitar.core.protocol.WireJson;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import java.util.Map;

/**
 * The gateway's JSON: the runtime's one JSON-B ({@link WireJson}) and one JSON-P reader factory,
 * shared by every request: both are thread-safe, and creating them per request would cost a
 * provider lookup and reflection.
 */
@ApplicationScoped
public class JsonSupport {

    private Jsonb jsonb;
    private JsonReaderFactory readers;

    @PostConstruct
    void open() {
        jsonb = WireJson.jsonb();
        readers = Json.createReaderFactory(Map.of());
    }

    /** {@code value} as JSON text; records and lists of records work. */
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }

    /** {@code text} read as a {@code type} (a record works). */
    public <T> T fromJson(String text, Class<T> type) {
        return jsonb.fromJson(text, type);
    }

    /** Readers for request bodies, parsed by hand so that every mistake gets a clear message. */
    public JsonReaderFactory readers() {
        return readers;
    }
}
