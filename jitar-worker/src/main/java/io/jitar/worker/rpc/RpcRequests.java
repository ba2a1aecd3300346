package io.jitar.worker.rpc;

import io.jitar.core.binding.QueryText;
import io.jitar.core.procedure.Fqn;
import io.jitar.Version;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.errors.BadRequestException;
import io.jitar.errors.JitarException;
import io.jitar.middleware.Request;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an HTTP request into a {@link Request}: validates the FQN from the raw path, reads the
 * version header, and takes the arguments from the query (GET) or a JSON object body (POST),
 * refusing what does not fit with a 4xx naming the problem. Stateless apart from its shared
 * {@link JsonReaderFactory}; thread-safe.
 */
final class RpcRequests {

    private final JsonReaderFactory readers;
    private final long maxBodySize;

    RpcRequests(JsonReaderFactory readers, long maxBodySize) {
        this.readers = readers;
        this.maxBodySize = maxBodySize;
    }

    /** The FQN from the raw (still encoded) path below {@code /rpc/}. */
    static String fqn(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
            throw new BadRequestException("Invalid procedure name: encoded '/', '\\' or '.' is not allowed");
        }
        return Fqn.parse(rawPath).value();
    }

    static Request request(String fqn, HttpHeaders headers, Map<String, Object> arguments) {
        Map<String, String> single = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> single.put(name, values.isEmpty() ? "" : values.get(0)));
        return new Request(fqn, version(headers.getHeaderString(JitarHeaders.PROCEDURE_VERSION)), arguments, single);
    }

    private static Version version(String header) {
        return header == null ? Version.DEFAULT : Version.parse(header);
    }

    static Map<String, Object> queryArguments(MultivaluedMap<String, String> query) {
        Map<String, Object> arguments = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new BadRequestException("Parameter '" + entry.getKey() + "' is given more than once");
            }
            arguments.put(entry.getKey(), new QueryText(entry.getValue().get(0)));
        }
        return arguments;
    }

    /** Arguments from a JSON object body; an empty body means no arguments. */
    Map<String, Object> bodyArguments(HttpHeaders headers, InputStream body) {
        byte[] bytes = read(headers, body);
        if (bytes.length == 0) {
            return new HashMap<>();
        }
        MediaType type = headers.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
            throw new JitarException(415, "Unsupported Content-Type '" + (type == null ? "" : type)
                    + "': send arguments as application/json");
        }
        JsonValue value = parse(bytes);
        if (!(value instanceof JsonObject object)) {
            throw new BadRequestException("Request body must be a JSON object of named arguments, found "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return new HashMap<>(object);
    }

    private JsonValue parse(byte[] bytes) {
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new BadRequestException("Malformed JSON body: " + e.getMessage());
        }
    }

    private byte[] read(HttpHeaders headers, InputStream body) {
        if (headers.getLength() > maxBodySize) {
            throw tooLarge();
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (bytes.length > maxBodySize) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JitarException tooLarge() {
        return new JitarException(413, "Request body is larger than " + maxBodySize + " bytes (jitar.max-body-size)");
    }
}
