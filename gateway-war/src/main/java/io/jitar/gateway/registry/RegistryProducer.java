package io.jitar.gateway.registry;

import io.jitar.gateway.cluster.InMemoryWorkerRegistry;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The registry the gateway works with, behind the {@link WorkerRegistry} interface: in memory for
 * a single gateway. A registry shared by several gateways (on the data grid) replaces this
 * producer, and nothing else changes.
 */
@ApplicationScoped
public class RegistryProducer {

    @Inject
    GatewaySettings settings;

    /** The time of reports, down marks and monitoring; one clock so they agree. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    WorkerRegistry registry(Clock clock) {
        return new InMemoryWorkerRegistry(clock, settings.monitor());
    }
}
