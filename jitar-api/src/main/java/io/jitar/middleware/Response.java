package io.jitar.middleware;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one RPC as middleware sees it: an HTTP status, the result (the procedure's return
 * value, or the exception it threw) and extra response headers. Setting a {@code Location} header
 * turns the answer into a 302 redirect, as in the original Jitar.
 */
public final class Response {

    private int status;
    private Object result;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public Response(int status, Object result) {
        this.status = status;
        this.result = result;
    }

    public int status() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    /** The procedure's value; a {@link Throwable} when it failed. */
    public Object result() {
        return result;
    }

    public void setResult(Object result) {
        this.result = result;
    }

    public boolean isError() {
        return result instanceof Throwable;
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

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
