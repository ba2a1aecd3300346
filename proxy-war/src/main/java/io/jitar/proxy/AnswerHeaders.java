package io.jitar.proxy;

import io.jitar.proxy.routing.HeaderRewriter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * Passes an upstream's answer headers on to the client, rewritten by {@link HeaderRewriter}
 * (hop-by-hop headers removed, {@code Content-Length} kept). Stateless.
 */
final class AnswerHeaders {

    private AnswerHeaders() {
    }

    /**
     * The upstream's first value of a header replaces what the container set by default
     * ({@code X-Frame-Options}, {@code Server}), so the proxy passes the answer on as it is.
     */
    static void copy(HeaderRewriter rewriter, HttpFields fields, HttpServletResponse response) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        rewriter.toClient(headersOf(fields), (name, value) -> {
            if ("Content-Length".equalsIgnoreCase(name)) {
                setContentLength(response, value);
            } else if (seen.add(name)) {
                response.setHeader(name, value);
            } else {
                response.addHeader(name, value);
            }
        });
    }

    private static void setContentLength(HttpServletResponse response, String value) {
        try {
            response.setContentLengthLong(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            // Jetty already refused a malformed length; nothing to pass on.
        }
    }

    /**
     * The headers as the JDK client gave them before: one entry per name, case ignored, in name
     * order (the order the client gets them in).
     */
    static Map<String, List<String>> headersOf(HttpFields fields) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>(1)).add(field.getValue());
        }
        return headers;
    }
}
