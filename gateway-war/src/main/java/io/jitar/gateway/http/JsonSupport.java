package io.jitar.gateway.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one JSON-B and JSON-P setup of the gateway, created at start and shared: both are
 * thread-safe, and creating them per request would cost a provider lookup and reflection.
 */
@ApplicationScoped
public class JsonSupport {

    private static final Logger LOG = Logger.getLogger(JsonSupport.class.getName());

    private Jsonb jsonb;
    private JsonReaderFactory readers;

    @PostConstruct
    void open() {
        jsonb = JsonbBuilder.create();
        readers = Json.createReaderFactory(Map.of());
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.fine(() -> "Closing JSON-B failed: " + e);
        }
    }

    /** {@code value} as JSON text; records and lists of records work. */
    public String toJson(Object value) {
        return jsonb.toJson(value);
    }

    /** Readers for request bodies, parsed by hand so that every mistake gets a clear message. */
    public JsonReaderFactory readers() {
        return readers;
    }
}
