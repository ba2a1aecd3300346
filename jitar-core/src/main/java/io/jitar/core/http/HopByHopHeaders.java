package io.jitar.core.http;

import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The headers that belong to one connection and must not be forwarded (RFC 9110 section 7.6.1):
 * the fixed hop-by-hop set, the headers a {@code Connection} header names, and the ones the
 * forwarding side computes itself ({@code Host}, {@code Content-Length}, {@code Expect}).
 *
 * <p>Stateless and thread-safe.
 */
public final class HopByHopHeaders {

    private static final Set<String> NEVER_FORWARDED = caseInsensitive(List.of(
            "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
            "TE", "Trailer", "Trailers", "Transfer-Encoding", "Upgrade", "Host", "Content-Length", "Expect"));

    private static final String CONNECTION = "Connection";

    private HopByHopHeaders() {
    }

    /** Whether {@code name} is in the fixed set, ignoring case; headers named by {@code Connection} are not. */
    public static boolean isHopByHop(String name) {
        return NEVER_FORWARDED.contains(name);
    }

    /**
     * Calls {@code action} for every value of every end-to-end header of {@code headers}, in the
     * map's order. Allocates nothing unless a {@code Connection} header names further headers.
     */
    public static void forEachEndToEnd(Map<String, List<String>> headers, BiConsumer<String, String> action) {
        Set<String> namedByConnection = namedByConnection(headers);
        headers.forEach((name, values) -> {
            if (name == null || isHopByHop(name) || namedByConnection.contains(name)) {
                return;
            }
            for (String value : values) {
                action.accept(name, value);
            }
        });
    }

    /** The header names listed in {@code Connection} values ({@code close} and {@code keep-alive} included). */
    static Set<String> namedByConnection(Map<String, List<String>> headers) {
        List<String> values = connectionValues(headers);
        if (values.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : values) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    names.add(token.trim());
                }
            }
        }
        return names;
    }

    private static List<String> connectionValues(Map<String, List<String>> headers) {
        List<String> exact = headers.get(CONNECTION);
        if (exact != null) {
            return exact;
        }
        // Maps that are not case-insensitive may hold the header in any spelling.
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (CONNECTION.equalsIgnoreCase(entry.getKey())) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    private static Set<String> caseInsensitive(List<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return Collections.unmodifiableSet(set);
    }
}
