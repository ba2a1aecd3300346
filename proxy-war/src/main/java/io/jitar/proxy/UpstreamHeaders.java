package io.jitar.proxy;

import io.jitar.proxy.routing.HeaderRewriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpFields;

/**
 * The headers of a request to an upstream: the client's, rewritten by {@link HeaderRewriter}
 * (hop-by-hop headers removed, {@code X-Forwarded-*} added, the trust key dropped), then written
 * as the JDK client the proxy used before wrote them, so that upstreams get the same requests:
 * <ul>
 *   <li>what the JDK client refused is left out, silently: {@code Host}, {@code Connection},
 *       {@code Content-Length}, {@code Expect} and {@code Upgrade} (the client sets them itself;
 *       Jetty takes {@code Host} from the URI, so the upstream sees its own authority), a name
 *       that is not a token (RFC 9110 section 5.1), a value with a control character other than
 *       tab or a character beyond ISO-8859-1;</li>
 *   <li>several {@code Cookie} headers become one, joined by {@code "; "} (RFC 6265 section 5.4),
 *       where Jetty would send one line per value.</li>
 * </ul>
 * The rewriter already drops the first five; checking again costs little and keeps a request that
 * Jetty would send differently (Jetty honours a {@code Host} it is given) from ever leaving.
 *
 * <p>One instance per request, used on one thread.
 */
final class UpstreamHeaders implements BiConsumer<String, String> {

    private static final Set<String> REFUSED = caseInsensitive("Connection", "Content-Length", "Expect", "Host", "Upgrade");
    private static final String COOKIE = "Cookie";
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private final HttpFields.Mutable fields;
    private StringBuilder cookies;

    private UpstreamHeaders(HttpFields.Mutable fields) {
        this.fields = fields;
    }

    /** Adds to {@code fields} what the upstream gets of {@code request}'s headers. */
    static void copy(HeaderRewriter rewriter, HttpServletRequest request, HttpFields.Mutable fields) {
        copy(rewriter, headersOf(request), request.getRemoteAddr(), request.getScheme(), request.getHeader("Host"), fields);
    }

    /** {@link #copy(HeaderRewriter, HttpServletRequest, HttpFields.Mutable)} of headers given as a map. */
    static void copy(HeaderRewriter rewriter, Map<String, List<String>> headers, String clientAddress, String scheme,
                     String host, HttpFields.Mutable fields) {
        UpstreamHeaders upstream = new UpstreamHeaders(fields);
        rewriter.toUpstream(headers, clientAddress, scheme, host, upstream);
        if (upstream.cookies != null) {
            fields.add(COOKIE, upstream.cookies.toString());
        }
    }

    @Override
    public void accept(String name, String value) {
        if (!isSendable(name, value)) {
            return;
        }
        if (COOKIE.equalsIgnoreCase(name)) {
            cookies = cookies == null ? new StringBuilder(value) : cookies.append("; ").append(value);
        } else {
            fields.add(name, value);
        }
    }

    /** Whether the JDK's {@code HttpRequest.Builder.header(name, value)} would have taken it. */
    static boolean isSendable(String name, String value) {
        if (name.isEmpty() || REFUSED.contains(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= TOKEN.length || !TOKEN[c]) {
                return false;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || c == 0x7F || c < ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return Collections.unmodifiableSet(set);
    }
}
