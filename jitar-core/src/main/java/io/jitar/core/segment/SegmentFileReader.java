package io.jitar.core.segment;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;
import io.jitar.errors.BadRequestException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a segment file, shaped like the original Jitar's:
 * <pre>{@code
 * { "com.example.game.Game": {
 *     "checkSecret": { "access": "protected" },
 *     "guessV2":     { "access": "public", "version": "2.0.0", "as": "guess", "idempotent": true } } }
 * }</pre>
 * Every mistake is a {@link SegmentFileException} naming the file and key. Stateless; thread-safe.
 */
public final class SegmentFileReader {

    private static final Set<String> KEYS = Set.of("access", "version", "as", "idempotent");

    /** Reads segment {@code segment} from {@code file} (its path, for messages). */
    public SegmentDefinition read(String segment, String file, InputStream content) {
        JsonObject root = parse(file, content);
        List<ProcedureDeclaration> procedures = new ArrayList<>();
        for (Map.Entry<String, JsonValue> module : root.entrySet()) {
            JsonObject methods = object(file, module.getKey(), module.getValue());
            for (Map.Entry<String, JsonValue> method : methods.entrySet()) {
                String key = module.getKey() + "/" + method.getKey();
                procedures.add(declaration(segment, file, module.getKey(), method.getKey(),
                        object(file, key, method.getValue())));
            }
        }
        return new SegmentDefinition(segment, file, procedures);
    }

    private static JsonObject parse(String file, InputStream content) {
        try (JsonReader reader = Json.createReader(content)) {
            JsonValue value = reader.readValue();
            return object(file, "", value);
        } catch (JsonException e) {
            throw new SegmentFileException(file, "", "invalid JSON: " + e.getMessage());
        }
    }

    private static JsonObject object(String file, String key, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new SegmentFileException(file, key, "expected a JSON object, found " + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return value.asJsonObject();
    }

    private static ProcedureDeclaration declaration(String segment, String file, String interfaceName, String methodName,
                                                    JsonObject settings) {
        String key = interfaceName + "/" + methodName;
        for (String name : settings.keySet()) {
            if (!KEYS.contains(name)) {
                throw new SegmentFileException(file, key + "/" + name, "unknown setting, expected one of access, version, as, idempotent");
            }
        }
        AccessLevel access = access(file, key, text(file, key, settings, "access", "private"));
        Version version = version(file, key, text(file, key, settings, "version", "0.0.0"));
        String name = text(file, key, settings, "as", methodName);
        boolean idempotent = flag(file, key, settings, "idempotent");
        return new ProcedureDeclaration(segment, file, interfaceName, methodName, access, version, name, idempotent);
    }

    private static String text(String file, String key, JsonObject settings, String name, String fallback) {
        JsonValue value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw new SegmentFileException(file, key + "/" + name, "expected a string");
        }
        return string.getString();
    }

    private static boolean flag(String file, String key, JsonObject settings, String name) {
        JsonValue value = settings.get(name);
        if (value == null) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new SegmentFileException(file, key + "/" + name, "expected true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static AccessLevel access(String file, String key, String text) {
        try {
            return AccessLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new SegmentFileException(file, key + "/access", e.getMessage());
        }
    }

    private static Version version(String file, String key, String text) {
        try {
            return Version.parse(text);
        } catch (BadRequestException e) {
            throw new SegmentFileException(file, key + "/version", e.getMessage());
        }
    }
}
