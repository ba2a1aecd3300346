package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static io.jitar.gateway.cluster.GatewayFixtures.availableAtStart;
import static io.jitar.gateway.cluster.GatewayFixtures.checkSecretWorker;
import static io.jitar.gateway.cluster.GatewayFixtures.idempotentCheckSecretWorker;
import static io.jitar.gateway.cluster.GatewayFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;

/** A registered worker: its availability (reports, down mark) changes, its registration and load stay. */
class RegisteredWorkerTest {

    private static final Instant TEN_SECONDS_LATER = START.plusSeconds(10);

    private final RegisteredWorker worker = checkSecretWorker(FIRST_WORKER_URL);

    @Test
    void availableWorkerIsPickable() {
        assertThat(worker.isPickableAt(START)).isTrue();
        assertThat(worker.availability().downMark()).isEmpty();
    }

    @Test
    void silentWorkerIsNotPickable() {
        assertThat(worker.stateAt(START.plus(UNAVAILABLE_THRESHOLD))).isEqualTo(WorkerState.UNAVAILABLE);
        assertThat(worker.isPickableAt(START.plus(UNAVAILABLE_THRESHOLD))).isFalse();
    }

    @Test
    void markDownExcludesWorkerUntilItExpires() {
        RegisteredWorker down = worker.markedDownUntil(START.plusSeconds(5));

        assertThat(down.isPickableAt(START.plusSeconds(4))).isFalse();
        assertThat(down.isDownAt(START.plusSeconds(4))).isTrue();
        assertThat(down.isPickableAt(START.plusSeconds(5))).isTrue();
        assertThat(down.stateAt(START)).isEqualTo(WorkerState.AVAILABLE);
    }

    @Test
    void laterDownMarkWins() {
        RegisteredWorker down = worker.markedDownUntil(START.plusSeconds(5)).markedDownUntil(START.plusSeconds(2));

        assertThat(down.availability().downMark()).contains(START.plusSeconds(5));
    }

    @Test
    void availableReportClearsDownMark() {
        RegisteredWorker reported = worker.markedDownUntil(TEN_SECONDS_LATER).withReport(WorkerState.AVAILABLE, START.plusSeconds(1));

        assertThat(reported.availability().downMark()).isEmpty();
        assertThat(reported.isPickableAt(START.plusSeconds(1))).isTrue();
    }

    @Test
    void otherReportKeepsDownMark() {
        RegisteredWorker reported = worker.markedDownUntil(TEN_SECONDS_LATER).withReport(WorkerState.STARTING, START.plusSeconds(1));

        assertThat(reported.availability().downMark()).contains(TEN_SECONDS_LATER);
        assertThat(reported.availability().health().reportedState()).isEqualTo(WorkerState.STARTING);
    }

    @Test
    void withoutDownMarkClearsIt() {
        assertThat(worker.markedDownUntil(TEN_SECONDS_LATER).withoutDownMark().availability().downMark()).isEmpty();
        assertThat(worker.withoutDownMark()).isSameAs(worker);
    }

    @Test
    void changesKeepTheRegistrationAndLeaveTheOriginalUnchanged() {
        RegisteredWorker idempotent = idempotentCheckSecretWorker(FIRST_WORKER_URL);

        RegisteredWorker changed = idempotent.withReport(WorkerState.STOPPING, START.plus(Duration.ofSeconds(1)))
                .markedDownUntil(TEN_SECONDS_LATER);

        assertThat(changed.registration()).isSameAs(idempotent.registration());
        assertThat(changed.isIdempotent(CHECK_SECRET)).isTrue();
        assertThat(idempotent.availability().health()).isEqualTo(availableAtStart());
        assertThat(idempotent.availability().downMark()).isEmpty();
    }

    @Test
    void keepsTheLoadThroughStateChanges() {
        worker.load().record(START.getEpochSecond());

        RegisteredWorker changed = worker.withReport(WorkerState.UNAVAILABLE, TEN_SECONDS_LATER)
                .markedDownUntil(TEN_SECONDS_LATER).withoutDownMark();

        assertThat(changed.load()).isSameAs(worker.load());
        assertThat(changed.load().requests()).isEqualTo(1);
    }

    @Test
    void everyRegistrationCountsItsOwnLoadAndEqualityIgnoresIt() {
        RegisteredWorker same = new RegisteredWorker(worker.registration(), availableAtStart());
        worker.load().record(START.getEpochSecond());

        assertThat(same.load()).isNotSameAs(worker.load());
        assertThat(same.load().requests()).isZero();
        assertThat(same).isEqualTo(worker).hasSameHashCodeAs(worker);
    }

    @Test
    void equalityCoversRegistrationAndAvailability() {
        assertThat(worker.markedDownUntil(TEN_SECONDS_LATER)).isNotEqualTo(worker);
        assertThat(worker.withReport(WorkerState.AVAILABLE, TEN_SECONDS_LATER)).isNotEqualTo(worker);
        assertThat(new RegisteredWorker(registration(FIRST_WORKER_URL, Set.of(CHECK_SECRET)), availableAtStart())).isNotEqualTo(worker);
        assertThat(worker.toString()).contains(worker.id(), "game/checkSecret");
    }

    @Test
    void hasNoNameUnlessItSentOne() {
        assertThat(worker.name()).isEmpty();
        RegisteredWorker named = new RegisteredWorker(
                Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, "worker1", null), availableAtStart());
        assertThat(named.name()).contains("worker1");
    }
}
