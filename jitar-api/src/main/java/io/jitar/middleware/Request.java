package io.jitar.middleware;

import io.jitar.Version;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One RPC as middleware sees it: the procedure's FQN and version, its named arguments and the
 * request headers (names case-insensitive). Mutable, and confined to the thread handling the call.
 *
 * <p>Arguments as they arrived are JSON values ({@code jakarta.json.JsonValue}) for a POST body or
 * text for a GET query; middleware may put any Java object, which is converted to the parameter's
 * type when the procedure runs.
 */
public final class Request {

    private final String fqn;
    private final Version version;
    private final Map<String, Object> arguments;
    private final Map<String, String> headers;

    public Request(String fqn, Version version, Map<String, Object> arguments, Map<String, String> headers) {
        this.fqn = Objects.requireNonNull(fqn, "fqn");
        this.version = Objects.requireNonNull(version, "version");
        this.arguments = new LinkedHashMap<>(arguments);
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        this.headers.putAll(headers);
    }

    public String fqn() {
        return fqn;
    }

    public Version version() {
        return version;
    }

    public Object getArgument(String name) {
        return arguments.get(name);
    }

    public void setArgument(String name, Object value) {
        arguments.put(name, value);
    }

    public void removeArgument(String name) {
        arguments.remove(name);
    }

    /** A read-only view of all arguments. */
    public Map<String, Object> arguments() {
        return Collections.unmodifiableMap(arguments);
    }

    public String getHeader(String name) {
        return headers.get(name);
    }

    public void setHeader(String name, String value) {
        headers.put(name, value);
    }

    public void removeHeader(String name) {
        headers.remove(name);
    }

    /** A read-only view of all headers. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
