package io.jitar.gateway.registry;

import io.jitar.gateway.cluster.RegisteredWorker;
import java.time.Instant;
import java.util.Set;

/**
 * One worker in the answer of {@code GET /workers}, for operators: its effective state now and,
 * if the gateway saw it fail, until when it is skipped.
 *
 * @param downUntil ISO-8601 instant, or {@code null} (left out of the JSON) when not marked down
 */
public record WorkerView(String id, String url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                         String state, String downUntil) {

    static WorkerView of(RegisteredWorker worker, Instant now) {
        String downUntil = worker.isDownAt(now) ? worker.availability().downMark().map(Instant::toString).orElse(null) : null;
        return new WorkerView(worker.id(), worker.url().toString(), worker.procedureNames(),
                worker.registration().idempotentProcedureNames(), worker.stateAt(now).wireName(), downUntil);
    }
}
