package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random changes, each followed by {@link InMemoryWorkerRegistry#evaluate()}, compared with a
 * model that rebuilds everything from scratch, as the registry once did: the incremental updates
 * must end in the same workers, balancers, order and idempotence, and share one list per
 * distinct worker sequence.
 */
class InMemoryWorkerRegistryModelTest {

    private static final List<String> PROCEDURES = List.of("game/a", "game/b", "game/c", "game/d", "game/e", "game/f");
    private static final int URLS = 5;
    private static final int STEPS = 3_000;

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);
    /** The model: every worker by id, in registration order, as the registry should store it. */
    private final Map<String, RegisteredWorker> model = new LinkedHashMap<>();
    /** Non-empty balancers and lists of several workers compared: the run is known to test something. */
    private int balancersCompared;
    private int multiWorkerListsCompared;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void incrementalUpdatesMatchAFullRebuild(long seed) {
        Random random = new Random(seed);
        for (int step = 0; step < STEPS; step++) {
            change(random);
            registry.evaluate();
            evaluateModel();
            assertMatchesModel();
        }
        assertThat(balancersCompared).isGreaterThan(STEPS);
        assertThat(multiWorkerListsCompared).isGreaterThan(STEPS / 10);
    }

    private void change(Random random) {
        List<String> ids = new ArrayList<>(model.keySet());
        String id = ids.isEmpty() || random.nextInt(10) == 0 ? "unknown" : ids.get(random.nextInt(ids.size()));
        Instant now = clock.instant();
        switch (random.nextInt(6)) {
            case 0 -> register(random);
            case 1 -> {
                WorkerState state = WorkerState.values()[random.nextInt(WorkerState.values().length)];
                if (model.containsKey(id)) {
                    registry.report(id, state);
                    model.put(id, model.get(id).withReport(state, now));
                }
            }
            case 2 -> {
                if (model.containsKey(id) && random.nextInt(3) == 0) {
                    registry.remove(id);
                    model.remove(id);
                }
            }
            case 3 -> {
                Duration howLong = Duration.ofSeconds(random.nextInt(4));
                registry.markDown(id, howLong);
                model.computeIfPresent(id, (key, worker) -> worker.markedDownUntil(now.plus(howLong)));
            }
            default -> clock.advance(Duration.ofMillis(random.nextInt(4_000)));
        }
    }

    private void register(Random random) {
        URI url = URI.create("http://worker-" + random.nextInt(URLS) + ":8080/");
        Set<String> procedures = new HashSet<>();
        Set<String> idempotent = new HashSet<>();
        for (String name : PROCEDURES) {
            if (random.nextInt(3) == 0) {
                procedures.add(name);
                if (random.nextBoolean()) {
                    idempotent.add(name);
                }
            }
        }
        if (procedures.isEmpty()) {
            procedures.add(PROCEDURES.get(random.nextInt(PROCEDURES.size())));
        }
        RegisteredWorker worker = registry.register(url, procedures, idempotent);
        model.values().removeIf(registered -> registered.url().equals(worker.url()));
        model.put(worker.id(), worker);
    }

    private void evaluateModel() {
        Instant now = clock.instant();
        model.values().removeIf(worker -> worker.stateAt(now) == WorkerState.STOPPED);
        model.replaceAll((id, worker) -> worker.isDownAt(now) ? worker : worker.withoutDownMark());
    }

    private void assertMatchesModel() {
        Instant now = clock.instant();
        assertThat(registry.workers()).containsExactlyElementsOf(model.values());
        Set<List<String>> distinctLists = new HashSet<>();
        for (String name : PROCEDURES) {
            List<RegisteredWorker> offering = model.values().stream()
                    .filter(worker -> worker.procedureNames().contains(name)).toList();
            List<RegisteredWorker> available = offering.stream().filter(worker -> worker.isPickableAt(now)).toList();
            if (offering.isEmpty()) {
                assertThatThrownBy(() -> registry.balancer(name)).isInstanceOf(ProcedureNotFoundException.class);
            } else if (available.isEmpty()) {
                assertThatThrownBy(() -> registry.balancer(name)).isInstanceOf(NoWorkerAvailableException.class);
            } else {
                ProcedureBalancer balancer = registry.balancer(name);
                List<String> ids = available.stream().map(RegisteredWorker::id).toList();
                assertThat(balancer.workers()).extracting(RegisteredWorker::id).as(name).containsExactlyElementsOf(ids);
                assertThat(balancer.isIdempotent()).as(name)
                        .isEqualTo(available.stream().allMatch(worker -> worker.isIdempotent(name)));
                distinctLists.add(ids);
                balancersCompared++;
            }
        }
        assertThat(registry.sharedWorkerLists()).isEqualTo(distinctLists.size());
        for (List<String> ids : distinctLists) {
            Set<List<RegisteredWorker>> instances = Collections.newSetFromMap(new IdentityHashMap<>());
            for (String name : PROCEDURES) {
                try {
                    List<RegisteredWorker> workers = registry.balancer(name).workers();
                    if (workers.stream().map(RegisteredWorker::id).toList().equals(ids)) {
                        instances.add(workers);
                    }
                } catch (ProcedureNotFoundException | NoWorkerAvailableException notThere) {
                    // Not one of this list's procedures.
                }
            }
            assertThat(instances).as("one shared list for %s", ids).hasSize(1);
            multiWorkerListsCompared += ids.size() > 1 ? 1 : 0;
        }
    }
}
