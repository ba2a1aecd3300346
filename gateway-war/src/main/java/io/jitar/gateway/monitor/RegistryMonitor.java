package io.jitar.gateway.monitor;

import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the passing of time to the registry every {@code jitar.gateway.monitor-interval}: a
 * worker that stops reporting becomes unavailable after the unavailable threshold and is removed
 * after the stopped threshold, and expired down marks are lifted. Runs on the container's
 * scheduler from deployment until undeployment.
 */
@ApplicationScoped
public class RegistryMonitor {

    private static final Logger LOG = Logger.getLogger(RegistryMonitor.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    WorkerRegistry registry;
    @Inject
    GatewaySettings settings;

    private ScheduledFuture<?> evaluations;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long interval = settings.monitorInterval().toMillis();
        evaluations = scheduler.scheduleAtFixedRate(this::evaluate, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Monitoring workers every " + interval + " ms; silent workers are unavailable after "
                + settings.monitor().unavailableThreshold().toMillis() + " ms and removed after "
                + settings.monitor().stoppedThreshold().toMillis() + " ms");
    }

    private void evaluate() {
        try {
            registry.evaluate();
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task and silently stop all monitoring.
            LOG.log(Level.WARNING, "Evaluating the worker registry failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (evaluations != null) {
            evaluations.cancel(false);
        }
    }
}
