package io.jitar.core.protocol;

import java.util.List;

/**
 * Body of {@code POST /workers}: a worker announcing itself to a gateway. Compatible with the
 * original ({@code url}, {@code procedureNames}, {@code trustKey}); the other fields are ours and
 * optional, so a registration without them (an older worker, the original's) still works:
 * <ul>
 *   <li>{@code idempotentProcedureNames}: the procedures a gateway may retry on another worker
 *       after the request was sent;</li>
 *   <li>{@code name}: the worker's {@code jitar.worker.name}, shown in the gateway's cluster view;</li>
 *   <li>{@code segments}: the segments the worker runs, shown there too.</li>
 * </ul>
 * {@code name} and each segment are {@linkplain WorkerLabels labels}. The trust key may also come
 * in the {@code X-Jitar-Trust-Key} header. JSON-B leaves {@code null} fields out of the body.
 */
public record WorkerRegistration(String url, List<String> procedureNames, List<String> idempotentProcedureNames,
                                 String trustKey, String name, List<String> segments) {

    /** A registration without name and segments, as workers sent it before the cluster view. */
    public WorkerRegistration(String url, List<String> procedureNames, List<String> idempotentProcedureNames,
                              String trustKey) {
        this(url, procedureNames, idempotentProcedureNames, trustKey, null, null);
    }

    /**
     * This registration with only the fields the original Jitar's gateway accepts: its validator
     * refuses every unknown field with a 400 ({@code Unknown field 'segments'}), so a worker
     * registering there sends {@code url}, {@code procedureNames} and {@code trustKey} alone.
     */
    public WorkerRegistration originalFields() {
        return new WorkerRegistration(url, procedureNames, null, trustKey, null, null);
    }
}
