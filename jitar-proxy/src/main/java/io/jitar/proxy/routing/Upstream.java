package io.jitar.proxy.routing;

import java.net.URI;
import java.util.Objects;

/**
 * A service the proxy forwards to: its role ({@code gateway}, {@code worker} or {@code repository}),
 * named in error answers instead of its address, and its base URL. Immutable and thread-safe.
 *
 * @param role what the service is; error messages name it, so callers outside the DMZ never learn
 *             an internal address
 * @param base {@code http(s)://host[:port][/path]} without query or fragment; a path is a prefix
 *             of every forwarded path
 */
public record Upstream(String role, URI base) {

    /** The role of a gateway: RPC goes to it, and so does the cluster view. */
    public static final String GATEWAY = "gateway";
    /** The role of a single worker taking RPC directly, without a gateway. */
    public static final String WORKER = "worker";
    /** The role of the repository: everything else. */
    public static final String REPOSITORY = "repository";

    public Upstream {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(base, "base");
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("base must be an absolute http(s) URL with a host, got " + base);
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("base must have no query or fragment, got " + base);
        }
    }

    /**
     * The upstream URI of a request target; {@code rawPath} and {@code rawQuery} are used as they
     * are (percent-encoded, not normalized), so the upstream sees the path the route was chosen on.
     *
     * @param rawPath  starts with {@code /}; a valid URI path (see {@link RequestTarget})
     * @param rawQuery a valid URI query, or {@code null} for none
     * @throws MalformedRequestException when the result is not a valid URI
     */
    public URI resolve(String rawPath, String rawQuery) {
        String prefix = base.toString();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        try {
            return URI.create(rawQuery == null ? prefix + rawPath : prefix + rawPath + "?" + rawQuery);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Malformed URL: not a valid URI");
        }
    }

    /** Whether this upstream is a gateway (and so has a cluster view). */
    public boolean isGateway() {
        return GATEWAY.equals(role);
    }

    @Override
    public String toString() {
        return role + " " + base;
    }
}
