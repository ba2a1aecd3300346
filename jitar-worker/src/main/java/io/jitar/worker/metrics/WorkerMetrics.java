package io.jitar.worker.metrics;

import io.jitar.core.metrics.ProcedureMeter;
import io.jitar.core.metrics.ProcedureMeters;
import io.jitar.core.metrics.RemoteCallMeters;
import io.jitar.core.procedure.Implementation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The worker's metrics on the standard {@code /metrics} (MicroProfile Metrics, application scope):
 * per procedure and version ({@link ProcedureMetrics}) and per remote edge of the call graph
 * ({@link RemoteCallMetrics}). Their tags come only from the segment files (procedure names and
 * versions), never from a request, so a flood of calls to unknown names registers nothing.
 * {@code jitar.metrics.enabled=false} turns them off (for the overhead benchmark, or a team that
 * wants none).
 */
@ApplicationScoped
public class WorkerMetrics {

    /** The key that turns the metrics off. */
    public static final String ENABLED = "jitar.metrics.enabled";

    @Inject
    MetricRegistry registry;
    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "true")
    boolean enabled;

    /** A meter per implementation, made now; found by identity on each call (no equals over a record's fields). */
    public ProcedureMeters procedureMeters(List<Implementation> implementations) {
        if (!enabled) {
            return ProcedureMeters.NONE;
        }
        Map<Implementation, ProcedureMeter> meters = new IdentityHashMap<>();
        for (Implementation implementation : implementations) {
            meters.put(implementation, new ProcedureMetrics(registry, implementation.fqn().value(),
                    implementation.version().toString()));
        }
        return meters::get;
    }

    /** The meters of remote edges, made as each edge is first used. */
    public RemoteCallMeters remoteCallMeters() {
        return enabled ? (caller, callee) -> new RemoteCallMetrics(registry, caller, callee) : RemoteCallMeters.NONE;
    }
}
