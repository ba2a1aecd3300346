package io.jitar.core.proxy;

import java.util.List;
import java.util.Objects;

/**
 * The proxy's one routing rule, as in the original Jitar: a path whose first segment is
 * {@code rpc} goes to the RPC upstream (a gateway or a single worker), every other path to the
 * repository. Each route takes only the methods its upstream serves; other methods never leave the
 * proxy.
 *
 * <p>The first segment is compared after percent-decoding and without path parameters
 * ({@code /%72pc;x=1/a} is RPC), which is how the upstream's own server reads it; the path is then
 * forwarded byte for byte. Paths an upstream could read differently from the proxy (dot segments,
 * encoded slashes) never get here: {@link RequestTarget} refuses them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProxyRoutes {

    /** RPC: GET and POST run a procedure, OPTIONS is a dry run. */
    public static final List<String> RPC_METHODS = List.of("GET", "POST", "OPTIONS");

    /** Static assets: read-only. */
    public static final List<String> ASSET_METHODS = List.of("GET", "HEAD");

    static final String RPC_SEGMENT = "rpc";

    private final Upstream rpc;
    private final Upstream repository;

    /**
     * @param rpc        where {@code /rpc/**} goes: a gateway or one worker
     * @param repository where everything else goes
     */
    public ProxyRoutes(Upstream rpc, Upstream repository) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** Routes of the configured upstreams. */
    public static ProxyRoutes of(ProxySettings settings) {
        return new ProxyRoutes(settings.rpc(), settings.repository());
    }

    /**
     * @param method the request method, case-sensitive as HTTP methods are
     * @throws MethodNotAllowedException when the route does not take {@code method}
     */
    public Route route(String method, RequestTarget target) {
        boolean isRpc = RPC_SEGMENT.equals(target.firstSegment());
        List<String> allowed = isRpc ? RPC_METHODS : ASSET_METHODS;
        if (!allowed.contains(method)) {
            throw new MethodNotAllowedException(method, allowed);
        }
        Upstream upstream = isRpc ? rpc : repository;
        return new Route(upstream, upstream.resolve(target.path(), target.query()));
    }

    public Upstream rpc() {
        return rpc;
    }

    public Upstream repository() {
        return repository;
    }
}
