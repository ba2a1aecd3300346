package io.jitar.worker.config;

import io.jitar.core.config.ByteSizes;
import io.jitar.core.config.Durations;
import io.jitar.core.protocol.TrustKey;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The worker's configuration, read once from MicroProfile Config and validated at deployment, so
 * a wrong value stops the service with a message naming the key instead of failing a call later.
 *
 * @param rootPackage    {@code jitar.root-package}: FQNs are relative to it (default: none)
 * @param segments       {@code jitar.worker.segments}: segments this deployment runs (empty: all)
 * @param trustKey       {@code jitar.trust-key}: admits callers to protected procedures
 * @param maxBodySize    {@code jitar.max-body-size}: larger request bodies get 413 (default 1MB)
 * @param gateways       {@code jitar.worker.gateway}: the gateway, or several separated by commas
 *                       (gateways sharing one registry: the worker uses one and moves on to the
 *                       next when it cannot reach it); absent means standalone
 * @param url            {@code jitar.url}: this worker's own URL, as the gateway should call it
 * @param reportInterval {@code jitar.worker.report-interval}: default 5s
 * @param name           {@code jitar.worker.name}: when set, every RPC answer names the worker in
 *                       {@code X-Jitar-Worker} (to see balancing at work); unset by default
 * @param remoteCalls    {@code jitar.worker.remote-calls}: {@code direct} (default) or {@code gateway}
 */
public record WorkerSettings(String rootPackage, Set<String> segments, TrustKey trustKey, long maxBodySize,
                             List<URI> gateways, Optional<URI> url, Duration reportInterval, Optional<String> name,
                             RemoteCalls remoteCalls) {

    /** {@code jitar.worker.remote-calls}: how a clustered worker calls procedures of other segments. */
    public enum RemoteCalls {
        /** At the callee worker, with routes from the gateway; through the gateway while none is known. */
        DIRECT,
        /** Always through the gateway: for networks where workers cannot reach each other. */
        GATEWAY
    }


    public static final String ROOT_PACKAGE = "jitar.root-package";
    public static final String SEGMENTS = "jitar.worker.segments";
    public static final String TRUST_KEY = "jitar.trust-key";
    public static final String MAX_BODY_SIZE = "jitar.max-body-size";
    public static final String GATEWAY = "jitar.worker.gateway";
    public static final String URL = "jitar.url";
    public static final String REPORT_INTERVAL = "jitar.worker.report-interval";
    public static final String NAME = "jitar.worker.name";
    public static final String REMOTE_CALLS = "jitar.worker.remote-calls";

    /** @throws IllegalArgumentException naming the key of the first wrong value */
    public static WorkerSettings from(Config config) {
        return from(key -> config.getOptionalValue(key, String.class));
    }

    /** Reads the settings through {@code lookup} (key → value). */
    public static WorkerSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> config = key -> lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
        String rootPackage = text(config, ROOT_PACKAGE).orElse("");
        Set<String> segments = text(config, SEGMENTS)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        TrustKey trustKey = TrustKey.of(text(config, TRUST_KEY).orElse(null));
        long maxBodySize = ByteSizes.parse(MAX_BODY_SIZE, text(config, MAX_BODY_SIZE).orElse("1MB"));
        List<URI> gateways = text(config, GATEWAY).map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(part -> !part.isEmpty()).map(part -> httpUrl(GATEWAY, part)).distinct().toList()).orElse(List.of());
        Optional<URI> url = text(config, URL).map(value -> httpUrl(URL, value));
        Duration reportInterval = Durations.parsePositive(REPORT_INTERVAL, text(config, REPORT_INTERVAL).orElse("5s"));
        if (!gateways.isEmpty() && url.isEmpty()) {
            throw new IllegalArgumentException("'" + URL + "' is required when '" + GATEWAY
                    + "' is set: it is the URL the gateway calls this worker on");
        }
        RemoteCalls remoteCalls = text(config, REMOTE_CALLS).map(WorkerSettings::remoteCalls).orElse(RemoteCalls.DIRECT);
        return new WorkerSettings(rootPackage, segments, trustKey, maxBodySize, gateways, url, reportInterval,
                text(config, NAME), remoteCalls);
    }

    private static RemoteCalls remoteCalls(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "direct" -> RemoteCalls.DIRECT;
            case "gateway" -> RemoteCalls.GATEWAY;
            default -> throw new IllegalArgumentException("Invalid value for '" + REMOTE_CALLS + "': '" + value
                    + "'; expected direct or gateway");
        };
    }

    public WorkerSettings {
        gateways = List.copyOf(gateways);
    }

    /** The first gateway: the one a worker starts with; absent means standalone. */
    public Optional<URI> gateway() {
        return gateways.stream().findFirst();
    }

    public boolean isStandalone() {
        return gateways.isEmpty();
    }

    private static Optional<String> text(Function<String, Optional<String>> config, String key) {
        return config.apply(key);
    }

    static URI httpUrl(String key, String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("Invalid URL for '" + key + "': '" + value + "'; expected http(s)://host:port");
    }
}
