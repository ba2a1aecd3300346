package io.jitar.gateway.rpc;

import io.jitar.gateway.cluster.RequestForwarder;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.core.http.PassThroughClients;
import io.jitar.gateway.config.GatewaySettings;
import io.jitar.gateway.metrics.GatewayMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.client.HttpClient;

/**
 * The gateway's one HTTP client to its workers and the {@link RequestForwarder} built on it,
 * created at start and shared by every request: a client per call would open a new connection
 * (and threads) each time, while this one keeps pooled keep-alive connections to every worker.
 * See {@link PassThroughClients} for how it is set up and why it is Jetty's client.
 *
 * <p>Its threads are its own daemon threads rather than the container's managed ones: they only
 * move bytes and complete futures, never touch CDI, JNDI or transactions, and they end with the
 * application when the client stops.
 */
@ApplicationScoped
public class ForwardingClient {

    private static final Logger LOG = Logger.getLogger(ForwardingClient.class.getName());

    @Inject
    WorkerRegistry registry;
    @Inject
    GatewaySettings settings;
    @Inject
    Clock clock;
    @Inject
    GatewayMetrics metrics;

    private HttpClient client;
    private RequestForwarder forwarder;

    @PostConstruct
    void open() {
        client = PassThroughClients.start("jitar-gateway-http", settings.connectTimeout());
        forwarder = new RequestForwarder(client, registry, settings.forwarding(), clock, metrics.meters());
    }

    @PreDestroy
    void close() {
        Exception failure = PassThroughClients.stop(client);
        if (failure != null) {
            LOG.log(Level.FINE, "Stopping the forwarding client failed", failure);
        }
    }

    /** The client itself, for the gateway's few calls of its own to workers (their insights). */
    public HttpClient client() {
        return client;
    }

    public RequestForwarder forwarder() {
        return forwarder;
    }
}
