package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's read-only cluster view ({@code GET /cluster}): which workers there are, what they
 * run and how busy they are, for people and dashboards outside the cluster.
 *
 * <p>It never holds a worker's URL (nor a trust key, nor a down mark's details): whoever can read it
 * learns the cluster's shape, not where its workers are. JSON-B writes it in the declared order;
 * a worker without a name has no {@code name} field.
 *
 * @param workers    every registered worker, in registration order
 * @param procedures how many distinct procedures the registered workers offer
 */
@JsonbPropertyOrder({"workers", "procedures"})
public record ClusterView(List<Worker> workers, int procedures) {

    public ClusterView {
        workers = List.copyOf(workers);
    }

    /**
     * The view of {@code registered} at {@code now}.
     *
     * @param registered what {@link WorkerRegistry#workers()} returned
     */
    public static ClusterView of(Collection<RegisteredWorker> registered, Instant now) {
        Objects.requireNonNull(now, "now");
        long second = now.getEpochSecond();
        Set<String> procedures = new TreeSet<>();
        List<Worker> workers = registered.stream().map(worker -> {
            procedures.addAll(worker.procedureNames());
            return Worker.of(worker, now, second);
        }).toList();
        return new ClusterView(workers, procedures.size());
    }

    /**
     * One worker in the view.
     *
     * @param id                the registration's {@linkplain PublicWorkerId public id}, never the id itself
     * @param name              its {@code jitar.worker.name}, or {@code null} when it sent none
     * @param segments          the segments it runs (empty when it did not tell)
     * @param state             the state the gateway routes by: {@code available} only while it takes
     *                          requests, so a worker the gateway saw fail shows {@code unavailable}
     *                          until its down mark ends; else its reported state, demoted by silence
     * @param procedures        the procedures it offers, sorted
     * @param requests          requests the gateway sent it since it registered
     * @param recentRequests    requests in the {@value WorkerLoad#WINDOW_SECONDS} whole seconds before now
     * @param requestsPerSecond {@code recentRequests} per second
     * @param directRequests    calls other workers sent it directly, as they reported them (up to one
     *                          report interval late); not in {@code requests}
     */
    @JsonbPropertyOrder({"id", "name", "segments", "state", "procedures", "requests", "recentRequests",
            "requestsPerSecond", "directRequests"})
    public record Worker(String id, String name, Set<String> segments, String state, Set<String> procedures,
                         long requests, long recentRequests, double requestsPerSecond, long directRequests) {

        static Worker of(RegisteredWorker worker, Instant now, long second) {
            WorkerState state = worker.stateAt(now);
            if (state == WorkerState.AVAILABLE && worker.isDownAt(now)) {
                state = WorkerState.UNAVAILABLE;
            }
            WorkerLoad.Snapshot load = worker.load().snapshot(second);
            return new Worker(PublicWorkerId.of(worker.id()), worker.name().orElse(null), worker.registration().segments(), state.wireName(),
                    worker.procedureNames(), load.requests(), load.recentRequests(), load.requestsPerSecond(), load.directRequests());
        }
    }
}
