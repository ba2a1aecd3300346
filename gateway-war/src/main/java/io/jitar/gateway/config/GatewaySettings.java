package io.jitar.gateway.config;

import io.jitar.core.config.ByteSizes;
import io.jitar.core.config.Durations;
import io.jitar.gateway.cluster.ForwardingSettings;
import io.jitar.gateway.cluster.MonitorSettings;
import io.jitar.core.protocol.TrustKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The gateway's configuration, read once from MicroProfile Config (so {@code JITAR_TRUST_KEY} and
 * the other environment variables work) and validated before the first request.
 *
 * @param trustKey        {@code jitar.trust-key}: workers must present it to register, report and
 *                        deregister; none by default (an open gateway, for development)
 * @param monitorInterval {@code jitar.gateway.monitor-interval}: how often silence is applied to
 *                        the registry (default 5s)
 * @param monitor         {@code jitar.gateway.unavailable-threshold} (6s) and
 *                        {@code jitar.gateway.stopped-threshold} (18s)
 * @param forwarding      {@code jitar.gateway.request-timeout} (30s) and {@code jitar.gateway.down-time} (2s)
 * @param connectTimeout  {@code jitar.gateway.connect-timeout}: how long to wait for a worker's
 *                        connection before trying the next one (default 1s)
 * @param maxBodySize     {@code jitar.max-body-size}: larger request bodies get 413 (default 1MB)
 * @param gridRegistry    {@code jitar.gateway.registry}: {@code local} (default) keeps the workers in
 *                        this gateway; {@code grid} shares them with every gateway of the same
 *                        Payara data grid cluster (see {@code io.jitar.gateway.grid})
 */
public record GatewaySettings(TrustKey trustKey, Duration monitorInterval, MonitorSettings monitor,
                              ForwardingSettings forwarding, Duration connectTimeout, long maxBodySize,
                              boolean gridRegistry) {

    public static final String TRUST_KEY = "jitar.trust-key";
    public static final String MONITOR_INTERVAL = "jitar.gateway.monitor-interval";
    public static final String UNAVAILABLE_THRESHOLD = "jitar.gateway.unavailable-threshold";
    public static final String STOPPED_THRESHOLD = "jitar.gateway.stopped-threshold";
    public static final String REQUEST_TIMEOUT = "jitar.gateway.request-timeout";
    public static final String DOWN_TIME = "jitar.gateway.down-time";
    public static final String CONNECT_TIMEOUT = "jitar.gateway.connect-timeout";
    public static final String MAX_BODY_SIZE = "jitar.max-body-size";
    public static final String REGISTRY = "jitar.gateway.registry";

    public GatewaySettings {
        Objects.requireNonNull(trustKey, "trustKey");
        Objects.requireNonNull(monitorInterval, "monitorInterval");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** @throws IllegalArgumentException naming the key of the first wrong value */
    public static GatewaySettings from(Config config) {
        TrustKey trustKey = TrustKey.of(text(config, TRUST_KEY).orElse(null));
        Duration monitorInterval = positive(config, MONITOR_INTERVAL, "5s");
        Duration unavailable = positive(config, UNAVAILABLE_THRESHOLD, "6s");
        Duration stopped = positive(config, STOPPED_THRESHOLD, "18s");
        if (stopped.compareTo(unavailable) <= 0) {
            // Equal thresholds would skip the unavailable phase, in which a worker may still recover.
            throw new IllegalArgumentException("Invalid duration for '" + STOPPED_THRESHOLD + "': " + stopped.toMillis()
                    + " ms must be longer than '" + UNAVAILABLE_THRESHOLD + "' (" + unavailable.toMillis() + " ms)");
        }
        Duration requestTimeout = positive(config, REQUEST_TIMEOUT, "30s");
        // Zero is allowed: it switches the down mark (the circuit breaker) off.
        Duration downTime = Durations.parse(DOWN_TIME, text(config, DOWN_TIME).orElse("2s"));
        Duration connectTimeout = positive(config, CONNECT_TIMEOUT, "1s");
        long maxBodySize = ByteSizes.parse(MAX_BODY_SIZE, text(config, MAX_BODY_SIZE).orElse("1MB"));
        boolean grid = switch (text(config, REGISTRY).orElse("local").toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> false;
            case "grid" -> true;
            default -> throw new IllegalArgumentException("Invalid value for '" + REGISTRY + "': '"
                    + text(config, REGISTRY).orElseThrow() + "'; expected local or grid");
        };
        return new GatewaySettings(trustKey, monitorInterval, new MonitorSettings(unavailable, stopped),
                new ForwardingSettings(requestTimeout, downTime), connectTimeout, maxBodySize, grid);
    }

    private static Duration positive(Config config, String key, String defaultValue) {
        return Durations.parsePositive(key, text(config, key).orElse(defaultValue));
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
