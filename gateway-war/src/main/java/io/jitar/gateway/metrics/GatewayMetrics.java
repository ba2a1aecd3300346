package io.jitar.gateway.metrics;

import io.jitar.core.http.ForwardingFailure;
import io.jitar.gateway.cluster.ForwardingMeters;
import io.jitar.gateway.cluster.PublicWorkerId;
import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The gateway's forwarding metrics on {@code /metrics}, per procedure and worker
 * ({@link ForwardMetrics}). Series are made on a worker's first call of a procedure, found again by
 * two map reads (no allocation), and removed when the worker leaves the registry, so restarted
 * workers (a new id each time) cannot grow them without bound; procedures are the registered ones,
 * never names from requests (an unknown name is a 404 before any attempt).
 * {@code jitar.metrics.enabled=false} turns them off.
 */
@ApplicationScoped
public class GatewayMetrics implements ForwardingMeters {

    @Inject
    MetricRegistry metrics;
    @Inject
    WorkerRegistry registry;
    @Inject
    @ConfigProperty(name = "jitar.metrics.enabled", defaultValue = "true")
    boolean enabled;
    @Resource
    ManagedExecutorService executor;

    /** Registration id, then procedure. */
    private final Map<String, Map<String, ForwardMetrics>> byWorker = new ConcurrentHashMap<>();

    @PostConstruct
    void watch() {
        if (enabled) {
            // Not on the registry's own thread: it may hold the registry's lock while it tells listeners.
            registry.onRoutesChange(() -> executor.execute(this::forgetGoneWorkers));
        }
    }

    /** This, or {@link ForwardingMeters#NONE} when metrics are off. */
    public ForwardingMeters meters() {
        return enabled ? this : ForwardingMeters.NONE;
    }

    @Override
    public void attempted(String procedure, RegisteredWorker worker, long nanos, ForwardingFailure failure, boolean retried) {
        Map<String, ForwardMetrics> procedures = byWorker.get(worker.id());
        ForwardMetrics series = procedures == null ? null : procedures.get(procedure);
        if (series == null) {
            series = byWorker.computeIfAbsent(worker.id(), id -> new ConcurrentHashMap<>())
                    .computeIfAbsent(procedure, name -> new ForwardMetrics(metrics, name, PublicWorkerId.of(worker.id())));
        }
        series.record(nanos, failure, retried);
    }

    void forgetGoneWorkers() {
        Set<String> present = registry.workers().stream().map(RegisteredWorker::id).collect(Collectors.toSet());
        byWorker.keySet().removeIf(id -> {
            if (present.contains(id)) {
                return false;
            }
            byWorker.get(id).values().forEach(series -> series.remove(metrics));
            return true;
        });
    }
}
