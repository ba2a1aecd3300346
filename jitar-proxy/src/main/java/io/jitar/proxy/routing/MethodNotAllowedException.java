package io.jitar.proxy.routing;

import io.jitar.errors.JitarException;
import java.util.List;
import java.util.Objects;

/** HTTP 405: the route does not take this method; {@link #allowHeader()} is the {@code Allow} header. */
public class MethodNotAllowedException extends JitarException {

    /** Method Not Allowed. */
    public static final int STATUS = 405;

    private static final int LONGEST_ECHOED_METHOD = 20;

    private final String method;
    private final List<String> allowed;

    /**
     * @param method  the refused method, as the client sent it
     * @param allowed the methods the route takes
     */
    public MethodNotAllowedException(String method, List<String> allowed) {
        super(STATUS, "Method " + printable(method) + " is not allowed here; allowed: " + String.join(", ", allowed));
        this.method = Objects.requireNonNull(method, "method");
        this.allowed = List.copyOf(allowed);
    }

    public String method() {
        return method;
    }

    public List<String> allowed() {
        return allowed;
    }

    /** The value of the {@code Allow} header: the allowed methods, comma-separated. */
    public String allowHeader() {
        return String.join(", ", allowed);
    }

    /** A method is a short token; anything else is not echoed back. */
    private static String printable(String method) {
        boolean token = method != null && !method.isEmpty() && method.length() <= LONGEST_ECHOED_METHOD
                && method.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\\');
        return token ? method : "(unprintable)";
    }
}
