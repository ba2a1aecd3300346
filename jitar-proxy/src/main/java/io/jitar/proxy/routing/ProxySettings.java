package io.jitar.proxy.routing;

import io.jitar.core.config.ByteSizes;
import io.jitar.core.config.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The proxy's configuration, read once and validated at deployment so that a wrong value stops
 * the service with a message naming the key. Immutable and thread-safe.
 *
 * @param rpc            where {@code /rpc/**} goes: {@code jitar.proxy.gateway} or
 *                       {@code jitar.proxy.worker} (exactly one of them is set); with several
 *                       gateways, the first
 * @param gateways       every gateway of {@code jitar.proxy.gateway}, a comma-separated list of
 *                       gateways sharing one registry, in order; empty for a worker
 * @param repository     {@code jitar.proxy.repository}: where everything else goes (required)
 * @param timeout        {@code jitar.proxy.timeout}: how long an upstream may make no progress
 *                       (no answer, no body bytes) before the client gets a 504; default 30s
 * @param connectTimeout {@code jitar.proxy.connect-timeout}: how long connecting to an upstream
 *                       may take before the client gets a 502; default 2s
 * @param maxBodySize    {@code jitar.max-body-size}: larger request bodies get 413; default 1MB
 * @param passTrustKey   {@code jitar.proxy.pass-trust-key}: whether a client's
 *                       {@code X-Jitar-Trust-Key} reaches the upstream; default false
 */
public record ProxySettings(Upstream rpc, Upstream repository, Duration timeout, Duration connectTimeout,
                            long maxBodySize, boolean passTrustKey, List<Upstream> gateways) {

    public static final String GATEWAY = "jitar.proxy.gateway";
    public static final String WORKER = "jitar.proxy.worker";
    public static final String REPOSITORY = "jitar.proxy.repository";
    public static final String TIMEOUT = "jitar.proxy.timeout";
    public static final String CONNECT_TIMEOUT = "jitar.proxy.connect-timeout";
    public static final String MAX_BODY_SIZE = "jitar.max-body-size";
    public static final String PASS_TRUST_KEY = "jitar.proxy.pass-trust-key";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

    /** With {@code rpc} as the only gateway (or the worker). */
    public ProxySettings(Upstream rpc, Upstream repository, Duration timeout, Duration connectTimeout,
                         long maxBodySize, boolean passTrustKey) {
        this(rpc, repository, timeout, connectTimeout, maxBodySize, passTrustKey,
                rpc != null && rpc.isGateway() ? List.of(rpc) : List.of());
    }

    public ProxySettings {
        Objects.requireNonNull(rpc, "rpc");
        gateways = List.copyOf(gateways);
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be > 0, got " + connectTimeout);
        }
        if (maxBodySize <= 0 || maxBodySize > BodyLimit.LARGEST_LIMIT) {
            throw new IllegalArgumentException("maxBodySize must be > 0 and <= " + BodyLimit.LARGEST_LIMIT
                    + ", got " + maxBodySize);
        }
    }

    /**
     * Reads and validates the settings.
     *
     * @param config the value of a key, if set (MicroProfile Config in a container, a map in tests);
     *               blank values count as not set
     * @throws IllegalArgumentException naming the key of the first wrong or missing value
     */
    public static ProxySettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> values = key -> config.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        List<Upstream> gateways = values.apply(GATEWAY).map(ProxySettings::gateways).orElse(List.of());
        Upstream rpc = rpcUpstream(gateways, values.apply(WORKER));
        Upstream repository = upstream(Upstream.REPOSITORY, REPOSITORY, values.apply(REPOSITORY).orElseThrow(() ->
                new IllegalArgumentException("'" + REPOSITORY + "' is required: where the proxy sends every request but /rpc")));
        Duration timeout = values.apply(TIMEOUT)
                .map(text -> Durations.parsePositive(TIMEOUT, text)).orElse(DEFAULT_TIMEOUT);
        Duration connectTimeout = values.apply(CONNECT_TIMEOUT)
                .map(text -> Durations.parsePositive(CONNECT_TIMEOUT, text)).orElse(DEFAULT_CONNECT_TIMEOUT);
        long maxBodySize = values.apply(MAX_BODY_SIZE).map(ProxySettings::maxBodySize).orElse(DEFAULT_MAX_BODY_SIZE);
        boolean passTrustKey = values.apply(PASS_TRUST_KEY).map(text -> bool(PASS_TRUST_KEY, text)).orElse(false);
        return new ProxySettings(rpc, repository, timeout, connectTimeout, maxBodySize, passTrustKey, gateways);
    }

    private static Upstream rpcUpstream(List<Upstream> gateways, Optional<String> worker) {
        if (gateways.isEmpty() == worker.isEmpty()) {
            throw new IllegalArgumentException("Set exactly one of '" + GATEWAY + "' and '" + WORKER
                    + "': where the proxy sends /rpc requests; " + (gateways.isEmpty() ? "neither is set" : "both are set"));
        }
        return gateways.isEmpty() ? upstream(Upstream.WORKER, WORKER, worker.get()) : gateways.get(0);
    }

    /** {@code url[,url...]}: one gateway, or several sharing one registry; repeats are dropped. */
    private static List<Upstream> gateways(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(url -> !url.isEmpty()).distinct()
                .map(url -> upstream(Upstream.GATEWAY, GATEWAY, url)).toList();
    }

    private static long maxBodySize(String text) {
        long size = ByteSizes.parse(MAX_BODY_SIZE, text);
        if (size > BodyLimit.LARGEST_LIMIT) {
            throw new IllegalArgumentException("Invalid size for '" + MAX_BODY_SIZE + "': at most "
                    + BodyLimit.LARGEST_LIMIT + " bytes, got '" + text + "'");
        }
        return size;
    }

    /** {@code 30s} or {@code 1500ms}: how durations are written in the configuration. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static Upstream upstream(String role, String key, String url) {
        try {
            return new Upstream(role, new URI(url));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid URL for '" + key + "': '" + url
                    + "'; expected http(s)://host:port, without query");
        }
    }

    private static boolean bool(String key, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Invalid value for '" + key + "': '" + text
                    + "'; expected true or false");
        };
    }
}
