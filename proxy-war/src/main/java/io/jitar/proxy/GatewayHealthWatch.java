package io.jitar.proxy;

import io.jitar.proxy.routing.GatewayGroup;
import io.jitar.proxy.routing.Upstream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.jetty.client.HttpClient;

/**
 * Active health checks of several gateways: every {@link #INTERVAL} each gateway's
 * {@code /health/ready} must answer 200 within the interval, else it gets no requests for
 * {@link GatewayGroup#DOWN_TIME}. A refused connection is noticed by the request itself; this
 * catches what a connection cannot show: a hung gateway (it accepts connections and never
 * answers, and every request sent to it would wait for {@code jitar.proxy.timeout}) and a gateway
 * that is up but not ready (e.g. told to share its registry without a grid). With one gateway
 * there is nothing to choose, so nothing is probed. Probes are asynchronous on the proxy's
 * client; the timer only starts them.
 */
final class GatewayHealthWatch {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(GatewayHealthWatch.class.getName());

    private final HttpClient client;
    private final GatewayGroup group;
    private final List<Upstream> gateways;
    private final List<URI> probes;

    GatewayHealthWatch(HttpClient client, GatewayGroup group) {
        this.client = client;
        this.group = group;
        this.gateways = group.members();
        // Health is at the server's root, whatever path the gateway's base URL has.
        this.probes = gateways.stream().map(gateway -> gateway.base().resolve("/health/ready")).toList();
    }

    void start(ScheduledExecutorService timer) {
        long interval = INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::probeAll, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Probing the readiness of " + gateways.size() + " gateways every " + interval + " ms");
    }

    private void probeAll() {
        for (int index = 0; index < gateways.size(); index++) {
            Upstream gateway = gateways.get(index);
            try {
                client.newRequest(probes.get(index)).timeout(INTERVAL.toMillis(), TimeUnit.MILLISECONDS).send(result -> {
                    if (result.isFailed() || result.getResponse().getStatus() != 200) {
                        group.markDown(gateway);
                    }
                });
            } catch (RuntimeException e) {
                group.markDown(gateway); // the client is stopping, or the probe could not be sent
            }
        }
    }
}
