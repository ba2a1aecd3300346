package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.CREATE_GAME;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Picking stays correct and lock-free while workers come and go. */
class InMemoryWorkerRegistryConcurrencyTest {

    private static final int PICKING_THREADS = 4;
    private static final int PICKS_PER_THREAD = 100_000;

    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(new MutableClock(START), SETTINGS);
    /** Ids of every worker registered for {@link #CHECK_SECRET}, filled by the churning thread. */
    private final Set<String> checkSecretWorkerIds = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void picksOnlyRegisteredWorkersWhileOthersRegisterAndLeave() throws Exception {
        // A permanent worker, so a pick never legitimately finds the procedure without workers.
        checkSecretWorkerIds.add(registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET)).id());
        ExecutorService executor = Executors.newFixedThreadPool(PICKING_THREADS + 1);
        // The churning thread opens this once it has registered a worker, so pickers always race it.
        CountDownLatch churnStarted = new CountDownLatch(1);
        AtomicBoolean picking = new AtomicBoolean(true);
        try {
            List<Future<Set<String>>> pickers = new ArrayList<>();
            for (int thread = 0; thread < PICKING_THREADS; thread++) {
                pickers.add(executor.submit(picker(churnStarted)));
            }
            Future<Integer> churn = executor.submit(churner(churnStarted, picking));

            Set<String> pickedIds = new HashSet<>();
            for (Future<Set<String>> picker : pickers) {
                pickedIds.addAll(picker.get());
            }
            picking.set(false);
            int registrations = churn.get();

            assertThat(registrations).isPositive();
            assertThat(checkSecretWorkerIds).containsAll(pickedIds);
            assertThat(pickedIds).hasSizeGreaterThan(1);
        } finally {
            // Also when a picker failed: the churning thread only stops when told.
            picking.set(false);
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void procedureThatStaysOfferedIsNeverMissingWhileItsWorkersChange() throws Exception {
        // A procedure per balancer update: readers must find each one at every moment, also while
        // its only worker re-registers (a restart) and others join and leave around it.
        List<String> names = List.of(CHECK_SECRET, CREATE_GAME, "game/playTurn", "game/endGame");
        Set<String> offered = Set.copyOf(names);
        registry.register(FIRST_WORKER_URL, offered);
        ExecutorService executor = Executors.newFixedThreadPool(PICKING_THREADS + 1);
        AtomicBoolean churning = new AtomicBoolean(true);
        try {
            Future<Integer> churn = executor.submit(() -> {
                int changes = 0;
                while (churning.get()) {
                    registry.register(FIRST_WORKER_URL, offered);
                    RegisteredWorker other = registry.register(URI.create("http://other-worker:8080/"),
                            Set.of(names.get(changes % names.size()), "game/other"));
                    registry.remove(other.id());
                    changes++;
                }
                return changes;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int thread = 0; thread < PICKING_THREADS; thread++) {
                readers.add(executor.submit(() -> {
                    for (int read = 0; read < PICKS_PER_THREAD; read++) {
                        // Throws ProcedureNotFoundException or NoWorkerAvailableException on a gap.
                        ProcedureBalancer balancer = registry.balancer(names.get(read % names.size()));
                        assertThat(balancer.candidate(balancer.nextStart(), 0).url()).isIn(FIRST_WORKER_URL,
                                URI.create("http://other-worker:8080/"));
                    }
                    return null;
                }));
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
            churning.set(false);
            assertThat(churn.get()).isPositive();
            assertThat(registry.workers()).hasSize(1);
        } finally {
            churning.set(false);
            executor.shutdownNow();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Picks, and fails over through whole snapshots, checking each worker offers the procedure. */
    private Callable<Set<String>> picker(CountDownLatch churnStarted) {
        return () -> {
            churnStarted.await();
            Set<String> pickedIds = new HashSet<>();
            for (int pick = 0; pick < PICKS_PER_THREAD; pick++) {
                ProcedureBalancer balancer = registry.balancer(CHECK_SECRET);
                int start = balancer.nextStart();
                int attempts = pick % 10 == 0 ? balancer.size() : 1;
                for (int attempt = 0; attempt < attempts; attempt++) {
                    RegisteredWorker worker = balancer.candidate(start, attempt);
                    assertThat(worker.procedureNames()).contains(CHECK_SECRET);
                    pickedIds.add(worker.id());
                }
            }
            return pickedIds;
        };
    }

    /** Registers, marks down, reports and removes workers until the pickers are done. */
    private Callable<Integer> churner(CountDownLatch churnStarted, AtomicBoolean picking) {
        return () -> {
            int registrations = 0;
            while (picking.get()) {
                int number = registrations % 8;
                URI url = URI.create("http://churning-worker-" + number + ":8080/");
                Set<String> procedureNames = number % 2 == 0 ? Set.of(CHECK_SECRET, CREATE_GAME) : Set.of(CREATE_GAME);
                RegisteredWorker worker = registry.register(url, procedureNames);
                if (procedureNames.contains(CHECK_SECRET)) {
                    checkSecretWorkerIds.add(worker.id());
                }
                registrations++;
                registry.markDown(worker.id(), Duration.ofMinutes(1));
                registry.report(worker.id(), WorkerState.AVAILABLE);
                registry.evaluate();
                churnStarted.countDown();
                if (registrations % 3 == 0) {
                    registry.remove(worker.id());
                }
            }
            return registrations;
        };
    }
}
