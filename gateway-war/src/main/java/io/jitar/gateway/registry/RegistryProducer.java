package io.jitar.gateway.registry;

import io.jitar.gateway.cluster.InMemoryWorkerRegistry;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.gateway.config.GatewaySettings;
import io.jitar.gateway.grid.GridWorkerRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The registry the gateway works with, behind the {@link WorkerRegistry} interface: in memory for
 * a single gateway; with {@code jitar.gateway.registry=grid}, shared with the other gateways through
 * Payara's data grid ({@link GridWorkerRegistry}). Without the grid it was told to use, the gateway
 * keeps an empty local registry, takes no registration and is not ready ({@link GridStatus}).
 */
@ApplicationScoped
public class RegistryProducer {

    private static final Logger LOG = Logger.getLogger(RegistryProducer.class.getName());

    @Inject
    GatewaySettings settings;
    @Inject
    GridStatus gridStatus;

    private GridWorkerRegistry shared;

    /** The time of reports, down marks and monitoring; one clock so they agree. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    WorkerRegistry registry(Clock clock) {
        InMemoryWorkerRegistry local = new InMemoryWorkerRegistry(clock, settings.monitor());
        if (!settings.gridRegistry()) {
            return local;
        }
        return gridStatus.grid().<WorkerRegistry>map(grid -> {
            shared = new GridWorkerRegistry(grid, local, settings.monitor().stoppedThreshold());
            return shared;
        }).orElseGet(() -> {
            LOG.severe(() -> "Jitar gateway: " + gridStatus.problem().orElse("no data grid"));
            return local;
        });
    }

    @PreDestroy
    void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
