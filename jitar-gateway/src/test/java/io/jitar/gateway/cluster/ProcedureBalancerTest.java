package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.checkSecretWorker;
import static io.jitar.gateway.cluster.GatewayFixtures.idempotentCheckSecretWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcedureBalancerTest {

    private final RegisteredWorker first = checkSecretWorker(FIRST_WORKER_URL);
    private final RegisteredWorker second = checkSecretWorker(SECOND_WORKER_URL);
    private final RegisteredWorker third = checkSecretWorker(THIRD_WORKER_URL);
    private final ProcedureBalancer balancer = new ProcedureBalancer(CHECK_SECRET, List.of(first, second, third));

    @Test
    void picksWorkersRoundRobin() {
        assertThat(picks(balancer, 7)).containsExactly(first, second, third, first, second, third, first);
    }

    @Test
    void emptySnapshotPicksNothing() {
        ProcedureBalancer empty = new ProcedureBalancer(CHECK_SECRET, List.of());

        assertThat(empty.pick()).isEmpty();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.size()).isZero();
        assertThat(empty.attemptOrder()).isEmpty();
        assertThatThrownBy(() -> empty.candidate(empty.nextStart(), 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void emptySnapshotDoesNotAdvanceRotation() {
        AtomicInteger counter = new AtomicInteger();
        ProcedureBalancer empty = new ProcedureBalancer(CHECK_SECRET, List.of(), counter);

        empty.pick();
        empty.attemptOrder();

        assertThat(counter).hasValue(0);
    }

    @Test
    void overflowOfCounterKeepsPicking() {
        AtomicInteger counter = new AtomicInteger(Integer.MAX_VALUE - 1);
        ProcedureBalancer nearOverflow = new ProcedureBalancer(CHECK_SECRET, List.of(first, second, third), counter);

        // MAX_VALUE - 1 and MAX_VALUE are 0 and 1 modulo 3; after wrapping, the masked counter restarts at 0.
        assertThat(picks(nearOverflow, 6)).containsExactly(first, second, first, second, third, first);
        assertThat(counter.get()).isNegative();
    }

    @Test
    void nextStartIsNeverNegative() {
        ProcedureBalancer wrapped = new ProcedureBalancer(CHECK_SECRET, List.of(first),
                new AtomicInteger(Integer.MIN_VALUE));

        assertThat(wrapped.nextStart()).isZero();
        assertThat(wrapped.nextStart()).isEqualTo(1);
    }

    @Test
    void failoverTriesEachWorkerOnceStartingAtRoundRobinPick() {
        balancer.pick();
        int start = balancer.nextStart();
        List<RegisteredWorker> attempts = new ArrayList<>();
        for (int attempt = 0; attempt < balancer.size(); attempt++) {
            attempts.add(balancer.candidate(start, attempt));
        }

        assertThat(attempts).containsExactly(second, third, first);
    }

    @Test
    void failoverWorksAcrossCounterOverflow() {
        ProcedureBalancer nearOverflow = new ProcedureBalancer(CHECK_SECRET, List.of(first, second, third),
                new AtomicInteger(Integer.MAX_VALUE));
        int start = nearOverflow.nextStart();

        assertThat(List.of(nearOverflow.candidate(start, 0), nearOverflow.candidate(start, 1),
                nearOverflow.candidate(start, 2))).containsExactly(second, third, first);
    }

    @Test
    void attemptOrderRotatesPerCall() {
        assertThat(balancer.attemptOrder()).containsExactly(first, second, third);
        assertThat(balancer.attemptOrder()).containsExactly(second, third, first);
        assertThat(balancer.pick()).contains(third);
    }

    @Test
    void candidateRejectsInvalidArguments() {
        assertThatThrownBy(() -> balancer.candidate(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("start must be >= 0, got -1");
        assertThatThrownBy(() -> balancer.candidate(0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> balancer.candidate(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void keepsAnUnmodifiableCopyOfWorkers() {
        List<RegisteredWorker> workers = new ArrayList<>(List.of(first));
        ProcedureBalancer copied = new ProcedureBalancer(CHECK_SECRET, workers);

        workers.add(second);

        assertThat(copied.workers()).containsExactly(first);
        assertThatThrownBy(() -> copied.workers().add(second)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nextSnapshotContinuesRotation() {
        balancer.pick();

        ProcedureBalancer next = balancer.withWorkers(List.of(first, second, third));

        assertThat(next.pick()).contains(second);
        assertThat(next.procedureName()).isEqualTo(CHECK_SECRET);
        assertThat(next.counter()).isSameAs(balancer.counter());
    }

    private static List<RegisteredWorker> picks(ProcedureBalancer balancer, int count) {
        List<RegisteredWorker> picked = new ArrayList<>();
        for (int pick = 0; pick < count; pick++) {
            picked.add(balancer.pick().orElseThrow());
        }
        return picked;
    }

    @Test
    void isIdempotentWhenEveryWorkerDeclaresIt() {
        ProcedureBalancer idempotent = new ProcedureBalancer(CHECK_SECRET,
                List.of(idempotentCheckSecretWorker(FIRST_WORKER_URL), idempotentCheckSecretWorker(SECOND_WORKER_URL)));

        assertThat(idempotent.isIdempotent()).isTrue();
    }

    @Test
    void isNotIdempotentWhenAnyWorkerDoesNotDeclareIt() {
        ProcedureBalancer mixed = new ProcedureBalancer(CHECK_SECRET,
                List.of(idempotentCheckSecretWorker(FIRST_WORKER_URL), second));

        assertThat(mixed.isIdempotent()).isFalse();
        assertThat(balancer.isIdempotent()).isFalse();
    }

    @Test
    void emptySnapshotIsNotIdempotent() {
        assertThat(new ProcedureBalancer(CHECK_SECRET, List.of()).isIdempotent()).isFalse();
    }

    @Test
    void joinedSnapshotKeepsTheListAndTheRotation() {
        List<RegisteredWorker> shared = List.of(first, second, third);
        ProcedureBalancer two = new ProcedureBalancer(CHECK_SECRET, List.of(first, second));
        two.pick();

        ProcedureBalancer three = two.withJoined(third, shared);

        // The registry's shared lists must stay shared: an immutable list is not copied.
        assertThat(three.workers()).isSameAs(shared);
        assertThat(three.counter()).isSameAs(two.counter());
        assertThat(three.pick()).contains(second);
    }

    @Test
    void joinedSnapshotIsIdempotentWhileEveryWorkerIs() {
        RegisteredWorker idempotentFirst = idempotentCheckSecretWorker(FIRST_WORKER_URL);
        RegisteredWorker idempotentSecond = idempotentCheckSecretWorker(SECOND_WORKER_URL);
        ProcedureBalancer empty = new ProcedureBalancer(CHECK_SECRET, List.of());

        ProcedureBalancer one = empty.withJoined(idempotentFirst, List.of(idempotentFirst));
        ProcedureBalancer two = one.withJoined(idempotentSecond, List.of(idempotentFirst, idempotentSecond));
        ProcedureBalancer mixed = two.withJoined(third, List.of(idempotentFirst, idempotentSecond, third));
        ProcedureBalancer stillMixed = mixed.withJoined(idempotentSecond, List.of(idempotentFirst, third, idempotentSecond));

        assertThat(one.isIdempotent()).isTrue();
        assertThat(two.isIdempotent()).isTrue();
        assertThat(mixed.isIdempotent()).isFalse();
        assertThat(stillMixed.isIdempotent()).isFalse();
        assertThat(empty.withJoined(first, List.of(first)).isIdempotent()).isFalse();
    }

    @Test
    void snapshotAfterAWorkerLeftIsIdempotentOnceOnlyIdempotentWorkersAreLeft() {
        RegisteredWorker idempotentFirst = idempotentCheckSecretWorker(FIRST_WORKER_URL);
        RegisteredWorker idempotentSecond = idempotentCheckSecretWorker(SECOND_WORKER_URL);
        ProcedureBalancer mixed = new ProcedureBalancer(CHECK_SECRET, List.of(idempotentFirst, idempotentSecond, third));

        ProcedureBalancer withoutCautious = mixed.withLeft(List.of(idempotentFirst, idempotentSecond));
        ProcedureBalancer one = withoutCautious.withLeft(List.of(idempotentSecond));
        ProcedureBalancer none = one.withLeft(List.of());

        assertThat(mixed.withLeft(List.of(idempotentFirst, third)).isIdempotent()).isFalse();
        assertThat(withoutCautious.isIdempotent()).isTrue();
        assertThat(one.isIdempotent()).isTrue();
        assertThat(none.isIdempotent()).isFalse();
        assertThat(none.counter()).isSameAs(mixed.counter());
    }
}
