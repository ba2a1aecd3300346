package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterViewTest {

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);

    @Test
    void emptyRegistryIsAnEmptyView() {
        ClusterView view = ClusterView.of(registry.workers(), clock.instant());

        assertThat(view.workers()).isEmpty();
        assertThat(view.procedures()).isZero();
    }

    @Test
    void showsEveryWorkerWithNameSegmentsStateProceduresAndLoad() {
        RegisteredWorker heavy = registry.register(FIRST_WORKER_URL, Set.of("heavy/primes", "heavy/sort"), Set.of(),
                "worker1", Set.of("heavy"));
        RegisteredWorker light = registry.register(SECOND_WORKER_URL, Set.of("light/echo", "heavy/primes"));
        for (int i = 0; i < 45; i++) {
            heavy.load().record(START.getEpochSecond() - 1 - i % 10);
        }
        heavy.load().record(START.getEpochSecond());

        ClusterView view = ClusterView.of(registry.workers(), clock.instant());

        assertThat(view.procedures()).isEqualTo(3);
        assertThat(view.workers()).containsExactly(
                new ClusterView.Worker(PublicWorkerId.of(heavy.id()), "worker1", Set.of("heavy"), "available",
                        Set.of("heavy/primes", "heavy/sort"), 46, 45, 4.5, 0),
                new ClusterView.Worker(PublicWorkerId.of(light.id()), null, Set.of(), "available",
                        Set.of("heavy/primes", "light/echo"), 0, 0, 0.0, 0));
    }

    @Test
    void stateIsWhatTheGatewayRoutesBy() {
        RegisteredWorker down = registry.register(FIRST_WORKER_URL, Set.of("a/b"));
        RegisteredWorker starting = registry.register(SECOND_WORKER_URL, Set.of("a/b"));
        RegisteredWorker silent = registry.register(THIRD_WORKER_URL, Set.of("a/b"));
        registry.markDown(down.id(), Duration.ofSeconds(30));
        registry.report(starting.id(), WorkerState.STARTING);
        clock.advance(UNAVAILABLE_THRESHOLD.minusSeconds(1));
        registry.report(down.id(), WorkerState.UNAVAILABLE); // keeps the down mark
        registry.report(starting.id(), WorkerState.STARTING);
        clock.advance(Duration.ofSeconds(1));

        ClusterView view = ClusterView.of(registry.workers(), clock.instant());

        assertThat(view.workers()).extracting(ClusterView.Worker::id, ClusterView.Worker::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PublicWorkerId.of(down.id()), "unavailable"),
                org.assertj.core.groups.Tuple.tuple(PublicWorkerId.of(starting.id()), "starting"),
                org.assertj.core.groups.Tuple.tuple(PublicWorkerId.of(silent.id()), "unavailable"));
    }

    @Test
    void workerMarkedDownShowsUnavailableUntilItsMarkEnds() {
        RegisteredWorker worker = registry.register(FIRST_WORKER_URL, Set.of("a/b"));
        registry.markDown(worker.id(), Duration.ofSeconds(2));

        String during = ClusterView.of(registry.workers(), clock.instant()).workers().get(0).state();
        clock.advance(Duration.ofSeconds(2));
        String after = ClusterView.of(registry.workers(), clock.instant()).workers().get(0).state();

        assertThat(during).isEqualTo("unavailable");
        assertThat(after).isEqualTo("available");
    }

    @Test
    void jsonHasTheDocumentedShapeAndNoUrl() throws Exception {
        RegisteredWorker named = registry.register(FIRST_WORKER_URL, Set.of("heavy/primes"), Set.of("heavy/primes"),
                "worker1", Set.of("heavy", "extra"));
        RegisteredWorker anonymous = registry.register(THIRD_WORKER_URL, Set.of("light/echo"));
        named.load().record(START.getEpochSecond() - 1);

        String json;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(ClusterView.of(registry.workers(), clock.instant()));
        }

        assertThat(json).isEqualTo("{\"workers\":["
                + "{\"id\":\"" + PublicWorkerId.of(named.id()) + "\",\"name\":\"worker1\",\"segments\":[\"extra\",\"heavy\"],"
                + "\"state\":\"available\",\"procedures\":[\"heavy/primes\"],\"requests\":1,\"recentRequests\":1,"
                + "\"requestsPerSecond\":0.1,\"directRequests\":0},"
                + "{\"id\":\"" + PublicWorkerId.of(anonymous.id()) + "\",\"segments\":[],\"state\":\"available\","
                + "\"procedures\":[\"light/echo\"],\"requests\":0,\"recentRequests\":0,\"requestsPerSecond\":0.0,\"directRequests\":0}],"
                + "\"procedures\":2}");
        assertThat(json).doesNotContain("worker-1", "worker-3", "http", "url", "trustKey", "idempotent");
    }

    @Test
    void viewIsACopy() {
        registry.register(FIRST_WORKER_URL, Set.of("a/b"));
        List<RegisteredWorker> workers = new java.util.ArrayList<>(registry.workers());

        ClusterView view = ClusterView.of(workers, clock.instant());
        workers.clear();

        assertThat(view.workers()).hasSize(1);
    }
}
