package io.jitar.gateway.registry;

import io.jitar.core.procedure.Fqn;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerReport;
import io.jitar.errors.BadRequestException;
import io.jitar.gateway.http.JsonSupport;
import io.jitar.gateway.http.RequestBodies;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON bodies of the registry API with JSON-P, field by field, so that every mistake
 * gets a 4xx naming it: 415 for another Content-Type, 413 above {@code jitar.max-body-size},
 * 400 for an empty or malformed body, a body that is not an object, or a field of the wrong type.
 * Unknown fields are ignored, so that newer workers can send more.
 */
@ApplicationScoped
public class RegistrationBodies {

    @Inject
    JsonSupport json;
    @Inject
    GatewaySettings settings;

    /** The body as a JSON object. */
    JsonObject object(HttpHeaders headers, InputStream body) {
        RequestBodies.requireJson(headers);
        byte[] bytes = RequestBodies.read(headers, body, settings.maxBodySize());
        if (bytes.length == 0) {
            throw new BadRequestException("Request body is empty; expected a JSON object");
        }
        JsonValue value = parse(bytes);
        if (!(value instanceof JsonObject object)) {
            throw new BadRequestException("Request body must be a JSON object, found "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    /** The trust key field if it is a string, else {@code null}: checked before anything else is validated. */
    static String trustKey(JsonObject object) {
        JsonValue value = object.get("trustKey");
        return value instanceof JsonString text ? text.getString() : null;
    }

    static WorkerRegistration registration(JsonObject object) {
        return new WorkerRegistration(string(object, "url"), strings(object, "procedureNames"),
                strings(object, "idempotentProcedureNames"), string(object, "trustKey"), string(object, "name"),
                strings(object, "segments"));
    }

    static WorkerReport report(JsonObject object) {
        return new WorkerReport(string(object, "state"), counts(object, "directCalls"));
    }

    /** An object of non-negative whole numbers (per callee URL); {@code null} when absent or null. */
    private static Map<String, Long> counts(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject counts)) {
            throw new BadRequestException("'" + name + "' must be an object of call counts, found " + typeOf(value));
        }
        Map<String, Long> result = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (!(count instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
                throw new BadRequestException("'" + name + "' must hold whole numbers of 0 or more, found " + count + " for '" + key + "'");
            }
            result.put(key, number.longValue());
        });
        return result;
    }

    private JsonValue parse(byte[] bytes) {
        try (JsonReader reader = json.readers().createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new BadRequestException("Malformed JSON body: " + e.getMessage());
        }
    }

    /** A string field; {@code null} when absent or null. */
    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw new BadRequestException("'" + name + "' must be a string, found " + typeOf(value));
        }
        return text.getString();
    }

    /** An array of strings; {@code null} when absent or null. */
    private static List<String> strings(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw new BadRequestException("'" + name + "' must be an array of strings, found " + typeOf(value));
        }
        List<String> strings = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (!(element instanceof JsonString text)) {
                throw new BadRequestException("'" + name + "' must be an array of strings, found an element "
                        + Fqn.shorten(element.toString()));
            }
            strings.add(text.getString());
        }
        return strings;
    }

    private static String typeOf(JsonValue value) {
        return value.getValueType().name().toLowerCase(Locale.ROOT);
    }
}
