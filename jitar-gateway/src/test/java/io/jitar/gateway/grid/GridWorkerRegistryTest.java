package io.jitar.gateway.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.HazelcastInstance;
import io.jitar.core.protocol.WorkerState;
import io.jitar.gateway.cluster.InMemoryWorkerRegistry;
import io.jitar.gateway.cluster.MonitorSettings;
import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.UnknownWorkerException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways' registries on two real Hazelcast members (in this JVM, loopback only), as two
 * gateway processes share them on Payara's grid: what one learns the other knows, leases expire
 * everywhere, a member that joins later knows everything, and another cluster name sees nothing.
 */
class GridWorkerRegistryTest {

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final MonitorSettings SETTINGS = new MonitorSettings(Duration.ofSeconds(2), LEASE);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static GridMembers grid;
    private static HazelcastInstance first;
    private static HazelcastInstance second;
    private static GridWorkerRegistry a;
    private static GridWorkerRegistry b;

    @BeforeAll
    static void startTwoMembers() {
        grid = new GridMembers(4);
        first = grid.start(0, "jitar-grid-test");
        second = grid.start(1, "jitar-grid-test");
        await("two members", () -> first.getCluster().getMembers().size() == 2);
        a = registry(first);
        b = registry(second);
    }

    @AfterAll
    static void stopMembers() {
        if (grid != null) {
            grid.close();
        }
    }

    private static GridWorkerRegistry registry(HazelcastInstance member) {
        return new GridWorkerRegistry(member, new InMemoryWorkerRegistry(Clock.systemUTC(), SETTINGS), LEASE);
    }

    @Test
    void aWorkerRegisteredAtOneGatewayIsRoutableAtTheOtherWithAllItTold() {
        RegisteredWorker worker = a.register(URI.create("http://127.0.0.1:9101"), Set.of("shop/order", "shop/list"),
                Set.of("shop/list"), "worker1", Set.of("shop"));

        await("the worker at the other gateway", () -> b.find(worker.id()).isPresent());
        RegisteredWorker there = b.find(worker.id()).orElseThrow();
        assertThat(there.registration()).isEqualTo(worker.registration());
        assertThat(b.pick("shop/order").id()).isEqualTo(worker.id());
        assertThat(there.isIdempotent("shop/list")).isTrue();
        assertThat(there.isIdempotent("shop/order")).isFalse();
        b.remove(worker.id());
        await("the removal at the first gateway", () -> a.find(worker.id()).isEmpty());
    }

    @Test
    void reportsThroughEitherGatewayRenewTheLeaseAndSilenceEndsItEverywhere() {
        RegisteredWorker worker = a.register(URI.create("http://127.0.0.1:9102"), Set.of("lease/kept"), Set.of(), null, null);
        await("the worker at the other gateway", () -> b.find(worker.id()).isPresent());
        long renewedUntil = System.nanoTime() + LEASE.multipliedBy(2).toNanos();
        int reports = 0;
        while (System.nanoTime() < renewedUntil) {
            (reports++ % 2 == 0 ? b : a).report(worker.id(), WorkerState.AVAILABLE);
            awaitNanos(Duration.ofMillis(500));
        }
        assertThat(a.find(worker.id())).as("after %d reports over two leases", reports).isPresent();
        assertThat(b.find(worker.id())).isPresent();

        long silentSince = System.nanoTime();
        await("the lease to expire at both gateways", () -> a.find(worker.id()).isEmpty() && b.find(worker.id()).isEmpty());
        // The last report was up to 0.5 s before, and Hazelcast keeps entry times in whole seconds.
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThanOrEqualTo(LEASE.minusMillis(1_500));
        assertThatThrownBy(() -> b.report(worker.id(), WorkerState.AVAILABLE)).isInstanceOf(UnknownWorkerException.class);
    }

    @Test
    void aReportAtTheOtherGatewayBeforeItsEventArrivedIsAccepted() {
        RegisteredWorker worker = a.register(URI.create("http://127.0.0.1:9103"), Set.of("fast/report"), Set.of(), null, null);
        b.report(worker.id(), WorkerState.UNAVAILABLE); // at once: read from the grid if not applied yet

        await("the state at the first gateway", () -> a.find(worker.id())
                .map(w -> w.availability().health().reportedState() == WorkerState.UNAVAILABLE).orElse(false));
        a.remove(worker.id());
    }

    @Test
    void aRegistrationOfTheSameUrlReplacesTheOldOneAtEveryGateway() {
        URI url = URI.create("http://127.0.0.1:9104");
        RegisteredWorker before = a.register(url, Set.of("again/run"), Set.of(), null, null);
        await("the first registration at b", () -> b.find(before.id()).isPresent());
        RegisteredWorker after = b.register(url, Set.of("again/run"), Set.of(), null, null);

        await("only the new one at a", () -> a.find(after.id()).isPresent() && a.find(before.id()).isEmpty());
        assertThat(b.find(before.id())).isEmpty();
        assertThat(first.getMap(GridWorkerRegistry.MAP_NAME).containsKey(before.id())).isFalse();
        b.remove(after.id());
    }

    @Test
    void aGatewayThatJoinsLaterKnowsEveryWorkerAtOnceAndAnotherClusterNameNone() {
        RegisteredWorker worker = a.register(URI.create("http://127.0.0.1:9105"), Set.of("late/join"), Set.of(), "w", null);
        // The worker keeps reporting while the members start: a join may take longer than its 3 s lease.
        ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
        reports.scheduleAtFixedRate(() -> a.report(worker.id(), WorkerState.AVAILABLE), 500, 500, TimeUnit.MILLISECONDS);
        HazelcastInstance third = grid.start(2, "jitar-grid-test");
        HazelcastInstance stranger = null;
        try {
            GridWorkerRegistry late = registry(third);
            assertThat(late.find(worker.id())).as("read from the grid when it joined").isPresent();
            assertThat(late.pick("late/join").id()).isEqualTo(worker.id());
            late.close();

            stranger = grid.start(3, "another-cluster");
            GridWorkerRegistry outsider = registry(stranger);
            assertThat(stranger.getCluster().getMembers()).hasSize(1);
            assertThat(first.getCluster().getMembers()).as("the stranger never joined")
                    .doesNotContain(stranger.getCluster().getLocalMember());
            assertThat(outsider.workers()).isEmpty();
            outsider.close();
        } finally {
            reports.shutdownNow();
            third.getLifecycleService().shutdown();
            if (stranger != null) {
                stranger.getLifecycleService().shutdown();
            }
        }
        if (a.find(worker.id()).isPresent()) {
            a.remove(worker.id());
        }
    }

    @Test
    void unknownIdsAreUnknownEverywhere() {
        assertThatThrownBy(() -> a.report("no-such-id", WorkerState.AVAILABLE)).isInstanceOf(UnknownWorkerException.class);
        assertThatThrownBy(() -> b.remove("no-such-id")).isInstanceOf(UnknownWorkerException.class);
    }

    @Test
    void anUnreadableEntryIsIgnored() {
        second.getMap(GridWorkerRegistry.MAP_NAME).set("garbage", "not a lease");
        RegisteredWorker worker = b.register(URI.create("http://127.0.0.1:9106"), Set.of("after/garbage"), Set.of(), null, null);
        await("the next registration at a", () -> a.find(worker.id()).isPresent());
        assertThat(a.find("garbage")).isEmpty();
        second.getMap(GridWorkerRegistry.MAP_NAME).delete("garbage");
        b.remove(worker.id());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT + " waiting for " + what);
            }
            awaitNanos(Duration.ofMillis(20));
        }
    }

    /** Lets time pass (the lease test needs reports spread over time); not a wait for a condition. */
    private static void awaitNanos(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
    }
}
