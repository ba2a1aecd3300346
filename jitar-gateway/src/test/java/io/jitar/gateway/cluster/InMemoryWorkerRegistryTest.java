package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import io.jitar.errors.BadRequestException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.CREATE_GAME;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.JUST_UNDER_A_SECOND;
import static io.jitar.gateway.cluster.GatewayFixtures.SECOND_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.STOPPED_THRESHOLD;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static io.jitar.gateway.cluster.GatewayFixtures.UNKNOWN_PROCEDURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryWorkerRegistryTest {

    private static final Duration DOWN_TIME = Duration.ofSeconds(1);

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryWorkerRegistry registry = new InMemoryWorkerRegistry(clock, SETTINGS);

    @Test
    void registersWorkerAsAvailable() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);

        assertThat(worker.availability().health()).isEqualTo(new WorkerHealth(WorkerState.AVAILABLE, START, SETTINGS));
        assertThat(registry.find(worker.id())).contains(worker);
        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(worker);
    }

    @Test
    void picksWorkersRoundRobin() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);

        assertThat(picks(CHECK_SECRET, 5)).containsExactly(first, second, first, second, first);
    }

    @Test
    void picksOnlyWorkersOfferingTheProcedure() {
        RegisteredWorker checker = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker creator = registry.register(SECOND_WORKER_URL, Set.of(CREATE_GAME));

        assertThat(picks(CHECK_SECRET, 3)).containsOnly(checker);
        assertThat(picks(CREATE_GAME, 3)).containsOnly(creator);
    }

    @Test
    void keepsRoundRobinCounterAcrossRepublishing() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);

        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(first);
        registry.report(first.id(), WorkerState.AVAILABLE);
        registry.evaluate();

        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(second);
    }

    @Test
    void unknownProcedureIsNotFound() {
        registerCheckSecret(FIRST_WORKER_URL);

        assertThatThrownBy(() -> registry.pick(UNKNOWN_PROCEDURE))
                .isInstanceOf(ProcedureNotFoundException.class)
                .hasMessage("Procedure 'game/doesNotExist' not found");
    }

    @Test
    void knownProcedureWithoutAvailableWorkerIsUnavailable() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);
        registry.report(worker.id(), WorkerState.STARTING);

        assertThatThrownBy(() -> registry.balancer(CHECK_SECRET))
                .isInstanceOf(NoWorkerAvailableException.class)
                .hasMessage("No worker available for procedure 'game/checkSecret'");
    }

    @Test
    void skipsUnavailableWorker() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);

        registry.report(first.id(), WorkerState.UNAVAILABLE);

        assertThat(picks(CHECK_SECRET, 3)).containsOnly(second);
        assertThat(registry.find(first.id()).orElseThrow().availability().health().reportedState())
                .isEqualTo(WorkerState.UNAVAILABLE);
    }

    @Test
    void availableReportRevivesWorker() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);
        registry.report(worker.id(), WorkerState.UNAVAILABLE);

        registry.report(worker.id(), WorkerState.AVAILABLE);

        assertThat(registry.pick(CHECK_SECRET).id()).isEqualTo(worker.id());
    }

    @Test
    void demotesToUnavailableAfterThreshold() {
        RegisteredWorker silent = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker reporting = registerCheckSecret(SECOND_WORKER_URL);

        clock.advance(UNAVAILABLE_THRESHOLD);
        registry.report(reporting.id(), WorkerState.AVAILABLE);
        registry.evaluate();

        assertThat(picks(CHECK_SECRET, 3)).extracting(RegisteredWorker::id).containsOnly(reporting.id());
        assertThat(registry.find(silent.id())).isPresent();
    }

    @Test
    void demotionTakesEffectAtEvaluation() {
        RegisteredWorker silent = registerCheckSecret(FIRST_WORKER_URL);
        clock.advance(UNAVAILABLE_THRESHOLD);

        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(silent);
        registry.evaluate();
        assertThatThrownBy(() -> registry.pick(CHECK_SECRET)).isInstanceOf(NoWorkerAvailableException.class);
    }

    @Test
    void removesStoppedWorkers() {
        RegisteredWorker silent = registerCheckSecret(FIRST_WORKER_URL);

        clock.advance(STOPPED_THRESHOLD.minus(JUST_UNDER_A_SECOND));
        registry.evaluate();
        assertThat(registry.find(silent.id())).isPresent();

        clock.advance(JUST_UNDER_A_SECOND);
        registry.evaluate();
        assertThat(registry.workers()).isEmpty();
        assertThatThrownBy(() -> registry.pick(CHECK_SECRET)).isInstanceOf(ProcedureNotFoundException.class);
    }

    @Test
    void removesWorkerThatReportedStoppedAtEvaluation() {
        RegisteredWorker stopped = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker running = registerCheckSecret(SECOND_WORKER_URL);

        registry.report(stopped.id(), WorkerState.STOPPED);
        registry.evaluate();

        assertThat(registry.workers()).extracting(RegisteredWorker::id).containsExactly(running.id());
    }

    @Test
    void markDownExcludesWorkerUntilReport() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);

        registry.markDown(first.id(), Duration.ofMinutes(1));
        assertThat(picks(CHECK_SECRET, 3)).extracting(RegisteredWorker::id).containsOnly(second.id());

        registry.report(first.id(), WorkerState.AVAILABLE);
        assertThat(picks(CHECK_SECRET, 4)).extracting(RegisteredWorker::id).contains(first.id(), second.id());
    }

    @Test
    void nonAvailableReportKeepsDownMark() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);
        registry.markDown(worker.id(), Duration.ofMinutes(1));

        registry.report(worker.id(), WorkerState.STARTING);
        registry.report(worker.id(), WorkerState.UNAVAILABLE);

        assertThat(registry.find(worker.id()).orElseThrow().availability().downMark()).contains(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void markDownExpiresAfterItsDurationAtEvaluation() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);
        registry.markDown(worker.id(), DOWN_TIME);

        clock.advance(DOWN_TIME.minus(JUST_UNDER_A_SECOND));
        registry.evaluate();
        assertThatThrownBy(() -> registry.pick(CHECK_SECRET)).isInstanceOf(NoWorkerAvailableException.class);

        clock.advance(JUST_UNDER_A_SECOND);
        registry.evaluate();
        assertThat(registry.pick(CHECK_SECRET).id()).isEqualTo(worker.id());
        assertThat(registry.find(worker.id()).orElseThrow().availability().downMark()).isEmpty();
    }

    @Test
    void markDownOfUnknownWorkerIsIgnored() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);

        registry.markDown("removed-meanwhile", DOWN_TIME);

        assertThat(registry.workers()).containsExactly(worker);
    }

    @Test
    void markDownRejectsNegativeDuration() {
        RegisteredWorker worker = registerCheckSecret(FIRST_WORKER_URL);

        assertThatThrownBy(() -> registry.markDown(worker.id(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("howLong must be >= 0");
    }

    @Test
    void rejectsNonHttpUrl() {
        assertThatThrownBy(() -> registry.register(URI.create("ftp://worker-1/"), Set.of(CHECK_SECRET)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("url must be an absolute http(s) URL");
        assertThat(registry.workers()).isEmpty();
    }

    @Test
    void rejectsEmptyProcedureList() {
        assertThatThrownBy(() -> registry.register(FIRST_WORKER_URL, Set.of()))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("procedureNames must not be empty");
    }

    @Test
    void rejectsInvalidProcedureName() {
        assertThatThrownBy(() -> registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, "game/../secret")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid procedure name 'game/../secret'");
    }

    @Test
    void unknownWorkerReportFails() {
        assertThatThrownBy(() -> registry.report("no-such-worker", WorkerState.AVAILABLE))
                .isInstanceOf(UnknownWorkerException.class)
                .hasMessage("Unknown worker 'no-such-worker'")
                .extracting(error -> ((UnknownWorkerException) error).workerId())
                .isEqualTo("no-such-worker");
    }

    @Test
    void unknownWorkerRemoveFails() {
        assertThatThrownBy(() -> registry.remove("no-such-worker"))
                .isInstanceOf(UnknownWorkerException.class)
                .hasMessage("Unknown worker 'no-such-worker'");
    }

    @Test
    void removedWorkerIsNoLongerPicked() {
        RegisteredWorker removed = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker kept = registerCheckSecret(SECOND_WORKER_URL);

        registry.remove(removed.id());

        assertThat(picks(CHECK_SECRET, 3)).containsOnly(kept);
        assertThat(registry.find(removed.id())).isEmpty();
    }

    @Test
    void procedureStaysKnownWhileAnyWorkerOffersIt() {
        RegisteredWorker both = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME));
        RegisteredWorker checker = registerCheckSecret(SECOND_WORKER_URL);

        registry.remove(both.id());

        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(checker);
        assertThatThrownBy(() -> registry.pick(CREATE_GAME)).isInstanceOf(ProcedureNotFoundException.class);
    }

    @Test
    void reRegistrationOfSameUrlReplacesOldOne() {
        RegisteredWorker before = registerCheckSecret(FIRST_WORKER_URL);

        RegisteredWorker after = registry.register(URI.create("http://worker-1:8080/./"), Set.of(CREATE_GAME));

        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(registry.workers()).containsExactly(after);
        assertThatThrownBy(() -> registry.report(before.id(), WorkerState.AVAILABLE))
                .isInstanceOf(UnknownWorkerException.class);
        assertThatThrownBy(() -> registry.pick(CHECK_SECRET)).isInstanceOf(ProcedureNotFoundException.class);
    }

    @Test
    void listsAllWorkersInRegistrationOrderWhateverTheirState() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);
        RegisteredWorker third = registerCheckSecret(THIRD_WORKER_URL);
        registry.report(second.id(), WorkerState.STOPPING);

        assertThat(registry.workers()).extracting(RegisteredWorker::id)
                .containsExactly(first.id(), second.id(), third.id());
        assertThatThrownBy(() -> registry.workers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findOfUnknownWorkerIsEmpty() {
        registerCheckSecret(FIRST_WORKER_URL);

        assertThat(registry.find("no-such-worker")).isEmpty();
    }

    @Test
    void balancerFailsOverThroughEveryAvailableWorker() {
        RegisteredWorker first = registerCheckSecret(FIRST_WORKER_URL);
        RegisteredWorker second = registerCheckSecret(SECOND_WORKER_URL);
        RegisteredWorker third = registerCheckSecret(THIRD_WORKER_URL);
        registry.pick(CHECK_SECRET);

        assertThat(registry.balancer(CHECK_SECRET).attemptOrder()).containsExactly(second, third, first);
    }

    @Test
    void registersIdempotentProcedures() {
        RegisteredWorker worker = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET, CREATE_GAME),
                Set.of(CHECK_SECRET));

        assertThat(worker.registration().idempotentProcedureNames()).containsExactly(CHECK_SECRET);
        assertThat(registry.balancer(CHECK_SECRET).isIdempotent()).isTrue();
        assertThat(registry.balancer(CREATE_GAME).isIdempotent()).isFalse();
    }

    @Test
    void registrationWithoutIdempotentListDeclaresNone() {
        registerCheckSecret(FIRST_WORKER_URL);

        assertThat(registry.balancer(CHECK_SECRET).isIdempotent()).isFalse();
    }

    @Test
    void procedureIsIdempotentOnlyWhileEveryAvailableWorkerSaysSo() {
        registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(CHECK_SECRET));
        RegisteredWorker cautious = registerCheckSecret(SECOND_WORKER_URL);
        assertThat(registry.balancer(CHECK_SECRET).isIdempotent()).isFalse();

        registry.remove(cautious.id());

        assertThat(registry.balancer(CHECK_SECRET).isIdempotent()).isTrue();
    }

    @Test
    void rejectsIdempotentProcedureNotOffered() {
        assertThatThrownBy(() -> registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(CREATE_GAME)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("idempotentProcedureNames must be a subset of procedureNames");
        assertThat(registry.workers()).isEmpty();
    }

    @Test
    void registersNameAndSegmentsAndKeepsThemThroughReports() {
        RegisteredWorker worker = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker1",
                Set.of("game"));
        registry.report(worker.id(), WorkerState.AVAILABLE);

        RegisteredWorker found = registry.find(worker.id()).orElseThrow();
        assertThat(found.name()).contains("worker1");
        assertThat(found.registration().segments()).containsExactly("game");
        assertThat(found.load()).isSameAs(worker.load());
    }

    @Test
    void registrationWithoutNameAndSegmentsStillWorks() {
        RegisteredWorker worker = registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), null, null);

        assertThat(worker.name()).isEmpty();
        assertThat(worker.registration().segments()).isEmpty();
        assertThat(registry.pick(CHECK_SECRET)).isEqualTo(worker);
    }

    @Test
    void rejectsABadNameWithoutRegistering() {
        assertThatThrownBy(() -> registry.register(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker 1", null))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'name' must be");
        assertThat(registry.workers()).isEmpty();
    }

    @Test
    void reRegistrationStartsCountingAgain() {
        RegisteredWorker before = registerCheckSecret(FIRST_WORKER_URL);
        before.load().record(START.getEpochSecond());

        RegisteredWorker after = registerCheckSecret(FIRST_WORKER_URL);

        assertThat(after.load().requests()).isZero();
    }

    private RegisteredWorker registerCheckSecret(URI url) {
        return registry.register(url, Set.of(CHECK_SECRET));
    }

    private List<RegisteredWorker> picks(String procedureName, int count) {
        List<RegisteredWorker> picked = new ArrayList<>();
        for (int pick = 0; pick < count; pick++) {
            picked.add(registry.pick(procedureName));
        }
        return picked;
    }
}
