package io.jitar.proxy.routing;

import io.jitar.errors.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The proxy's routing rules. As in the original Jitar, a path whose first segment is {@code rpc}
 * goes to the RPC upstream (a gateway or a single worker) and every other path to the repository.
 * Ours adds one reserved first segment, {@code jitar}, for the proxy's own routes:
 * <ul>
 *   <li>{@code GET|HEAD /jitar/cluster}, exactly that path, goes to the gateway's read-only
 *       {@code /cluster} view (without the query). With a single worker instead of a gateway there
 *       is no cluster view: 404.</li>
 *   <li>{@code GET|HEAD /jitar/cluster/insights}, exactly that path, goes to the gateway's
 *       read-only {@code /cluster/insights} with the query (the window, which the gateway
 *       checks); like the cluster view, only with a gateway.</li>
 *   <li>Any other path under {@code /jitar} answers 404 from the proxy itself, whatever the method,
 *       and reaches no upstream.</li>
 * </ul>
 * Nothing routes to the gateway's registry ({@code /workers}): {@code /workers} is a repository
 * path like any other (GET and HEAD only, at the repository), {@code /jitar/workers} is a 404.
 * Each route takes only the methods its upstream serves; other methods never leave the proxy.
 *
 * <p>The first segment is compared after percent-decoding and without path parameters
 * ({@code /%72pc;x=1/a} is RPC), which is how the upstream's own server reads it; the path is then
 * forwarded byte for byte. The cluster route instead matches the raw path exactly, so no spelling
 * of it reaches the gateway but the one. Paths an upstream could read differently from the proxy
 * (dot segments, encoded slashes) never get here: {@link RequestTarget} refuses them.
 *
 * <p>With several gateways ({@link GatewayGroup}) each RPC and cluster request goes to the next in
 * turn, and {@link #failover} names the gateway a refused request goes to next.
 *
 * <p>Immutable (but for the group's turns and down marks) and thread-safe.
 */
public final class ProxyRoutes {

    /** RPC: GET and POST run a procedure, OPTIONS is a dry run. */
    public static final List<String> RPC_METHODS = List.of("GET", "POST", "OPTIONS");

    /** Static assets: read-only. */
    public static final List<String> ASSET_METHODS = List.of("GET", "HEAD");

    /** The cluster view: read-only. */
    public static final List<String> CLUSTER_METHODS = List.of("GET", "HEAD");

    /** The proxy's path of the gateway's cluster view. */
    public static final String CLUSTER_PATH = "/jitar/cluster";

    /** The gateway's own path of its cluster view. */
    public static final String GATEWAY_CLUSTER_PATH = "/cluster";

    /** The proxy's path of the gateway's insights over its workers. */
    public static final String INSIGHTS_PATH = "/jitar/cluster/insights";

    /** The gateway's own path of its insights. */
    public static final String GATEWAY_INSIGHTS_PATH = "/cluster/insights";

    static final String RPC_SEGMENT = "rpc";
    static final String JITAR_SEGMENT = "jitar";

    private final Upstream rpc;
    private final Upstream repository;
    /** The gateways taking turns; {@code null} when RPC goes to one worker. */
    private final GatewayGroup gateways;

    /**
     * @param rpc        where {@code /rpc/**} goes: a gateway or one worker; a gateway also serves
     *                   {@code /jitar/cluster}
     * @param repository where everything else goes
     */
    public ProxyRoutes(Upstream rpc, Upstream repository) {
        this(rpc, repository, rpc.isGateway() ? new GatewayGroup(List.of(rpc), System::nanoTime) : null);
    }

    /** Routes to several gateways sharing one registry; {@code gateways} must not be empty. */
    public ProxyRoutes(GatewayGroup gateways, Upstream repository) {
        this(gateways.members().get(0), repository, gateways);
    }

    private ProxyRoutes(Upstream rpc, Upstream repository, GatewayGroup gateways) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.gateways = gateways;
    }

    /** Routes of the configured upstreams. */
    public static ProxyRoutes of(ProxySettings settings) {
        return settings.gateways().isEmpty() ? new ProxyRoutes(settings.rpc(), settings.repository())
                : new ProxyRoutes(new GatewayGroup(settings.gateways(), System::nanoTime), settings.repository());
    }

    /**
     * Where a request goes after {@code refused}'s upstream refused its connection: the same path
     * at the next gateway (marking this one down for a moment), or empty when the route was not to
     * a gateway or there is no other gateway.
     */
    public java.util.Optional<Route> failover(Route refused) {
        if (gateways == null || gateways.size() < 2 || !refused.upstream().isGateway()) {
            return java.util.Optional.empty();
        }
        Upstream next = gateways.after(refused.upstream());
        String from = refused.upstream().resolve("", null).toString();
        String pathAndQuery = refused.uri().toString().substring(from.length());
        return java.util.Optional.of(new Route(next, URI.create(next.resolve("", null) + pathAndQuery)));
    }

    /** The gateways taking turns, or empty when RPC goes to one worker. */
    public java.util.Optional<GatewayGroup> gateways() {
        return java.util.Optional.ofNullable(gateways);
    }

    /** How many gateways a request may try: one per gateway. */
    public int gatewayCount() {
        return gateways == null ? 0 : gateways.size();
    }

    /**
     * @param method the request method, case-sensitive as HTTP methods are
     * @throws NotFoundException         for a path under {@code /jitar} that is not a route
     * @throws MethodNotAllowedException when the route does not take {@code method}
     */
    public Route route(String method, RequestTarget target) {
        if (JITAR_SEGMENT.equals(target.firstSegment())) {
            return jitarRoute(method, target);
        }
        boolean isRpc = RPC_SEGMENT.equals(target.firstSegment());
        List<String> allowed = isRpc ? RPC_METHODS : ASSET_METHODS;
        if (!allowed.contains(method)) {
            throw new MethodNotAllowedException(method, allowed);
        }
        Upstream upstream = isRpc ? rpcUpstream() : repository;
        return new Route(upstream, upstream.resolve(target.path(), target.query()));
    }

    private Route jitarRoute(String method, RequestTarget target) {
        boolean insights = INSIGHTS_PATH.equals(target.path());
        if (!CLUSTER_PATH.equals(target.path()) && !insights) {
            throw new NotFoundException("Not found");
        }
        if (!rpc.isGateway()) {
            throw new NotFoundException("No cluster view: this proxy sends RPC to a single worker, not to a gateway");
        }
        if (!CLUSTER_METHODS.contains(method)) {
            throw new MethodNotAllowedException(method, CLUSTER_METHODS);
        }
        Upstream gateway = rpcUpstream();
        return insights ? new Route(gateway, gateway.resolve(GATEWAY_INSIGHTS_PATH, target.query()))
                : new Route(gateway, gateway.resolve(GATEWAY_CLUSTER_PATH, null));
    }

    private Upstream rpcUpstream() {
        return gateways == null ? rpc : gateways.pick();
    }

    public Upstream rpc() {
        return rpc;
    }

    public Upstream repository() {
        return repository;
    }
}
