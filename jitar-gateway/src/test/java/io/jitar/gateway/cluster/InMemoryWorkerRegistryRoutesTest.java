package io.jitar.gateway.cluster;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.protocol.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routes version and its listeners: what direct-call routes are long-polled by. */
class InMemoryWorkerRegistryRoutesTest {

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);
    /** What a listener saw when told: the version and the workers it could read then. */
    private final List<String> told = new ArrayList<>();

    InMemoryWorkerRegistryRoutesTest() {
        registry.onRoutesChange(() -> told.add(registry.routesVersion() + " " + registry.workers().size()));
    }

    @Test
    void startsFromTheStartTimeSoThatARestartedGatewayNeverRepeatsAVersion() {
        assertThat(registry.routesVersion()).isEqualTo(START.toEpochMilli() * 1000);
    }

    @Test
    void everyChangeOfWhoTakesRequestsGrowsTheVersionAndIsToldAfterItIsPublished() {
        long start = registry.routesVersion();

        RegisteredWorker first = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET));
        registry.report(first.id(), WorkerState.AVAILABLE);          // no change: still available
        registry.markDown(first.id(), Duration.ofSeconds(1));       // out
        registry.report(first.id(), WorkerState.AVAILABLE);          // back
        registry.remove(first.id());                                 // gone

        assertThat(told).containsExactly((start + 1) + " 1", (start + 2) + " 2", (start + 3) + " 2",
                (start + 4) + " 2", (start + 5) + " 1");
    }

    @Test
    void silenceTellsTheListenersWhenTheMonitorEvaluates() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        told.clear();

        clock.advance(UNAVAILABLE_THRESHOLD.plusSeconds(1));
        registry.evaluate();
        registry.evaluate();

        assertThat(told).hasSize(1);
    }
}
