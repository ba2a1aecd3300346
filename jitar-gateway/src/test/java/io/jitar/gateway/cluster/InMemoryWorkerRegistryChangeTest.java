package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.CREATE_GAME;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A change costs time in the procedures of the workers it affects: the registry replaces their
 * balancers and leaves every other balancer object as it is (checked by identity).
 */
class InMemoryWorkerRegistryChangeTest {

    private static final String PLAY_TURN = "game/playTurn";

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);

    @Test
    void registeringReplacesOnlyTheBalancersOfTheNewWorkersProcedures() {
        Set<String> many = manyProcedures(1_000);
        registry.register(FIRST_WORKER_URL, many);
        Map<String, ProcedureBalancer> before = balancers(many);

        registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET, "game/procedure0007"));

        Set<String> untouched = new HashSet<>(many);
        untouched.remove("game/procedure0007");
        assertUnchanged(before, untouched);
        assertThat(registry.balancer("game/procedure0007")).isNotSameAs(before.get("game/procedure0007"));
        assertThat(registry.balancer("game/procedure0007").size()).isEqualTo(2);
    }

    @Test
    void removingReplacesOnlyTheBalancersOfTheLeavingWorkersProcedures() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME));
        RegisteredWorker leaving = registry.register(SECOND_WORKER_URL, Set.of(CREATE_GAME));
        ProcedureBalancer checkSecret = registry.balancer(CHECK_SECRET);

        registry.remove(leaving.id());

        assertThat(registry.balancer(CHECK_SECRET)).isSameAs(checkSecret);
        assertThat(registry.balancer(CREATE_GAME).size()).isEqualTo(1);
    }

    @Test
    void reportThatKeepsAWorkerAvailableReplacesNoBalancer() {
        RegisteredWorker worker = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME));
        Map<String, ProcedureBalancer> before = balancers(Set.of(CHECK_SECRET, CREATE_GAME));
        clock.advance(Duration.ofSeconds(2));

        registry.report(worker.id(), WorkerState.AVAILABLE);

        assertUnchanged(before, before.keySet());
        assertThat(registry.find(worker.id()).orElseThrow().availability().health().reportedAt()).isEqualTo(START.plusSeconds(2));
        // As the class comment says: the balancer keeps the instance from when the worker became available.
        assertThat(registry.pick(CHECK_SECRET)).isSameAs(worker);
    }

    @Test
    void evaluateWithoutChangeReplacesNoBalancer() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        registry.register(SECOND_WORKER_URL, Set.of(CREATE_GAME));
        Map<String, ProcedureBalancer> before = balancers(Set.of(CHECK_SECRET, CREATE_GAME));
        clock.advance(UNAVAILABLE_THRESHOLD.minusSeconds(1));

        registry.evaluate();

        assertUnchanged(before, before.keySet());
    }

    @Test
    void evaluateReplacesOnlyTheBalancersOfWorkersItDemotes() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        RegisteredWorker reporting = registry.register(SECOND_WORKER_URL, Set.of(CREATE_GAME));
        ProcedureBalancer createGame = registry.balancer(CREATE_GAME);
        clock.advance(UNAVAILABLE_THRESHOLD);
        registry.report(reporting.id(), WorkerState.AVAILABLE);

        registry.evaluate();

        assertThat(registry.balancer(CREATE_GAME)).isSameAs(createGame);
        assertThatThrownBy(() -> registry.balancer(CHECK_SECRET)).isInstanceOf(NoWorkerAvailableException.class);
    }

    @Test
    void markDownReplacesOnlyTheBalancersOfTheWorkersProcedures() {
        RegisteredWorker failing = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME));
        ProcedureBalancer createGame = registry.balancer(CREATE_GAME);

        registry.markDown(failing.id(), Duration.ofSeconds(5));

        assertThat(registry.balancer(CREATE_GAME)).isSameAs(createGame);
        assertThat(registry.balancer(CHECK_SECRET).size()).isEqualTo(1);
    }

    @Test
    void workerThatIsAvailableAgainTakesItsRegistrationPlace() {
        RegisteredWorker first = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        RegisteredWorker second = registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET));
        RegisteredWorker third = registry.register(THIRD_WORKER_URL, Set.of(CHECK_SECRET));

        registry.report(first.id(), WorkerState.UNAVAILABLE);
        registry.report(second.id(), WorkerState.UNAVAILABLE);
        registry.report(second.id(), WorkerState.AVAILABLE);
        registry.report(first.id(), WorkerState.AVAILABLE);

        assertThat(registry.balancer(CHECK_SECRET).workers()).extracting(RegisteredWorker::id)
                .containsExactly(first.id(), second.id(), third.id());
    }

    @Test
    void proceduresWithTheSameWorkersShareOneListAgainAfterAChange() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME, PLAY_TURN));
        registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME, PLAY_TURN));
        assertThat(registry.sharedWorkerLists()).isEqualTo(1);

        RegisteredWorker third = registry.register(THIRD_WORKER_URL, Set.of(CHECK_SECRET));
        assertThat(registry.sharedWorkerLists()).isEqualTo(2);
        assertThat(registry.balancer(CREATE_GAME).workers()).isSameAs(registry.balancer(PLAY_TURN).workers());

        registry.remove(third.id());

        assertThat(registry.sharedWorkerLists()).isEqualTo(1);
        assertThat(registry.balancer(CHECK_SECRET).workers()).isSameAs(registry.balancer(CREATE_GAME).workers());
    }

    @Test
    void listsNoBalancerUsesAreForgotten() {
        RegisteredWorker first = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        RegisteredWorker second = registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME));
        registry.markDown(second.id(), Duration.ofMinutes(1));

        registry.remove(first.id());
        registry.remove(second.id());

        assertThat(registry.sharedWorkerLists()).isZero();
        assertThat(registry.workers()).isEmpty();
    }

    @Test
    void reRegistrationKeepsTheRotationOfSharedProcedures() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET));
        registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET));
        ProcedureBalancer before = registry.balancer(CHECK_SECRET);
        registry.pick(CHECK_SECRET);

        RegisteredWorker restarted = registry.register(SECOND_WORKER_URL, Set.of(CHECK_SECRET));

        assertThat(registry.balancer(CHECK_SECRET).counter()).isSameAs(before.counter());
        assertThat(registry.pick(CHECK_SECRET)).isSameAs(restarted);
        assertThat(registry.balancer(CHECK_SECRET).size()).isEqualTo(2);
    }

    private static Set<String> manyProcedures(int count) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format("game/procedure%04d", i));
        }
        return names;
    }

    private Map<String, ProcedureBalancer> balancers(Set<String> procedureNames) {
        Map<String, ProcedureBalancer> balancers = new HashMap<>();
        for (String name : procedureNames) {
            balancers.put(name, registry.balancer(name));
        }
        return balancers;
    }

    private void assertUnchanged(Map<String, ProcedureBalancer> before, Set<String> procedureNames) {
        for (String name : procedureNames) {
            assertThat(registry.balancer(name)).as(name).isSameAs(before.get(name));
        }
    }
}
