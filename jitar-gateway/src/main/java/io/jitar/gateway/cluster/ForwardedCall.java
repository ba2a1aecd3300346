package io.jitar.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One RPC request as the gateway received it, to be forwarded as bytes: nothing in it is parsed
 * beyond the procedure name.
 *
 * @param procedureName the validated FQN
 * @param method        {@code GET}, {@code POST} or {@code OPTIONS}
 * @param rawQuery      the query string exactly as received (still encoded), or {@code null}
 * @param headers       the request headers; hop-by-hop ones are dropped when forwarding. Not
 *                      copied: the caller must not change the map while the call is forwarded
 * @param body          the request body, empty for none; not copied either
 */
public record ForwardedCall(String procedureName, String method, String rawQuery,
                            Map<String, List<String>> headers, byte[] body) {

    /** The methods of the wire protocol; others never reach a worker. */
    public static final Set<String> METHODS = Set.of("GET", "POST", "OPTIONS");

    private static final byte[] NO_BODY = new byte[0];

    public ForwardedCall {
        Objects.requireNonNull(procedureName, "procedureName");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ", got " + method);
        }
        headers = headers == null ? Map.of() : headers;
        body = body == null ? NO_BODY : body;
    }
}
