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
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
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

    /** The FQN from the raw (still encoded) request URI below {@code <context>/rpc/}. */
    static String fqn(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + RpcServlet.PATH + "/";
        return fqn(uri.startsWith(prefix) ? uri.substring(prefix.length()) : "");
    }

    /** The request with each header's first value (names case-insensitive, as {@link Request} keeps them). */
    static Request request(String fqn, HttpServletRequest http, Map<String, Object> arguments) {
        Map<String, String> single = new HashMap<>();
        for (Enumeration<String> names = http.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            String value = http.getHeader(name);
            single.put(name, value == null ? "" : value);
        }
        return new Request(fqn, version(http.getHeader(JitarHeaders.PROCEDURE_VERSION)), arguments, single);
    }

    private static Version version(String header) {
        return header == null ? Version.DEFAULT : Version.parse(header);
    }

    static Map<String, Object> queryArguments(String rawQuery) {
        Map<String, Object> arguments = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : QueryParameters.decode(rawQuery).entrySet()) {
            if (entry.getValue().size() > 1) {
                throw new BadRequestException("Parameter '" + entry.getKey() + "' is given more than once");
            }
            arguments.put(entry.getKey(), new QueryText(entry.getValue().get(0)));
        }
        return arguments;
    }

    /** Arguments from a JSON object body; an empty body means no arguments. */
    Map<String, Object> bodyArguments(HttpServletRequest request) {
        byte[] bytes = read(request);
        if (bytes.length == 0) {
            return new HashMap<>();
        }
        String type = request.getContentType();
        if (!isJson(type)) {
            throw new JitarException(415, "Unsupported Content-Type '" + (type == null ? "" : type.trim())
                    + "': send arguments as application/json");
        }
        JsonValue value = parse(bytes);
        if (!(value instanceof JsonObject object)) {
            throw new BadRequestException("Request body must be a JSON object of named arguments, found "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        return new HashMap<>(object);
    }

    /** {@code application/json} with any parameters, in any case: what JAX-RS accepted before (no wildcards). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        return type.equalsIgnoreCase("application/json");
    }

    private JsonValue parse(byte[] bytes) {
        try (JsonReader reader = readers.createReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new BadRequestException("Malformed JSON body: " + e.getMessage());
        }
    }

    private byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodySize) {
            throw tooLarge();
        }
        try {
            byte[] bytes = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
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
