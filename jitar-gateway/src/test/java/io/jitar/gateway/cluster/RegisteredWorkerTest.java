package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import io.jitar.errors.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.CREATE_GAME;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static io.jitar.gateway.cluster.GatewayFixtures.availableAtStart;
import static io.jitar.gateway.cluster.GatewayFixtures.checkSecretWorker;
import static io.jitar.gateway.cluster.GatewayFixtures.idempotentCheckSecretWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredWorkerTest {

    private static final Instant TEN_SECONDS_LATER = START.plusSeconds(10);

    private final RegisteredWorker worker = checkSecretWorker(FIRST_WORKER_URL);

    @Test
    void createdWorkersGetDistinctUuids() {
        RegisteredWorker other = checkSecretWorker(FIRST_WORKER_URL);

        assertThat(UUID.fromString(worker.id()).toString()).isEqualTo(worker.id());
        assertThat(other.id()).isNotEqualTo(worker.id());
    }

    @Test
    void keepsAnUnmodifiableCopyOfProcedureNames() {
        Set<String> names = new HashSet<>(Set.of(CHECK_SECRET));
        RegisteredWorker copied = RegisteredWorker.create(FIRST_WORKER_URL, names, availableAtStart());

        names.add(CREATE_GAME);

        assertThat(copied.procedureNames()).containsExactly(CHECK_SECRET);
        assertThatThrownBy(() -> copied.procedureNames().add(CREATE_GAME))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sortsProcedureNames() {
        RegisteredWorker sorted = RegisteredWorker.create(FIRST_WORKER_URL,
                List.of(CREATE_GAME, CHECK_SECRET), availableAtStart());

        assertThat(sorted.procedureNames()).containsExactly(CHECK_SECRET, CREATE_GAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://worker-1/", "mailto:worker@example.com", "/relative/path",
            "http:///no-host", "http:opaque", "ws://worker-1:8080/"})
    void rejectsNonHttpUrl(String url) {
        assertThatThrownBy(() -> checkSecretWorker(URI.create(url)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("url must be an absolute http(s) URL");
    }

    @Test
    void rejectsMissingUrl() {
        assertThatThrownBy(() -> checkSecretWorker(null))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("url must be an absolute http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://worker-1:8080/", "HTTPS://worker-1/", "https://10.0.0.7:8443/jitar"})
    void acceptsHttpAndHttpsUrls(String url) {
        assertThat(checkSecretWorker(URI.create(url)).url()).isEqualTo(URI.create(url));
    }

    @Test
    void normalizesUrl() {
        RegisteredWorker dotted = checkSecretWorker(URI.create("https://worker-3.example.com/other/../jitar/"));

        assertThat(dotted.url()).isEqualTo(THIRD_WORKER_URL);
    }

    @Test
    void rejectsEmptyProcedureList() {
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(), availableAtStart()))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("procedureNames must not be empty");
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, null, availableAtStart()))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("procedureNames must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/game/check", "game/", "game//check", "game check", "game.check", "spiel/prüfen"})
    void rejectsInvalidProcedureNameNamingIt(String name) {
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET, name),
                availableAtStart()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid procedure name '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkSecret", "my-app/v1_0/$check", "A/b/C/d9"})
    void acceptsValidProcedureNames(String name) {
        RegisteredWorker accepted = RegisteredWorker.create(FIRST_WORKER_URL, Set.of(name), availableAtStart());

        assertThat(accepted.procedureNames()).containsExactly(name);
    }

    @Test
    void rejectsBlankId() {
        assertThatThrownBy(() -> new RegisteredWorker(" ", FIRST_WORKER_URL, Set.of(CHECK_SECRET),
                availableAtStart(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not be blank");
    }

    @Test
    void availableWorkerIsPickable() {
        assertThat(worker.isPickableAt(START)).isTrue();
        assertThat(worker.downUntil()).isEmpty();
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

        assertThat(down.downUntil()).contains(START.plusSeconds(5));
    }

    @Test
    void availableReportClearsDownMark() {
        RegisteredWorker reported = worker.markedDownUntil(TEN_SECONDS_LATER)
                .withReport(WorkerState.AVAILABLE, START.plusSeconds(1));

        assertThat(reported.downUntil()).isEmpty();
        assertThat(reported.isPickableAt(START.plusSeconds(1))).isTrue();
    }

    @Test
    void otherReportKeepsDownMark() {
        RegisteredWorker reported = worker.markedDownUntil(TEN_SECONDS_LATER)
                .withReport(WorkerState.STARTING, START.plusSeconds(1));

        assertThat(reported.downUntil()).contains(TEN_SECONDS_LATER);
        assertThat(reported.health().reportedState()).isEqualTo(WorkerState.STARTING);
    }

    @Test
    void withoutDownMarkClearsIt() {
        assertThat(worker.markedDownUntil(TEN_SECONDS_LATER).withoutDownMark().downUntil()).isEmpty();
        assertThat(worker.withoutDownMark()).isSameAs(worker);
    }

    @Test
    void withersKeepIdentityAndLeaveOriginalUnchanged() {
        RegisteredWorker changed = worker.withReport(WorkerState.STOPPING, START.plus(Duration.ofSeconds(1)))
                .markedDownUntil(TEN_SECONDS_LATER);

        assertThat(changed.id()).isEqualTo(worker.id());
        assertThat(changed.url()).isEqualTo(worker.url());
        assertThat(changed.procedureNames()).isEqualTo(worker.procedureNames());
        assertThat(worker.health()).isEqualTo(availableAtStart());
        assertThat(worker.downUntil()).isEmpty();
    }

    @Test
    void equalityCoversAllFields() {
        RegisteredWorker same = new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET),
                availableAtStart(), null);

        assertThat(same).isEqualTo(worker).hasSameHashCodeAs(worker);
        assertThat(worker.markedDownUntil(TEN_SECONDS_LATER)).isNotEqualTo(worker);
        assertThat(worker.withReport(WorkerState.AVAILABLE, TEN_SECONDS_LATER)).isNotEqualTo(worker);
    }

    @Test
    void declaresNoProcedureIdempotentByDefault() {
        assertThat(worker.idempotentProcedureNames()).isEmpty();
        assertThat(worker.isIdempotent(CHECK_SECRET)).isFalse();
    }

    @Test
    void knowsWhichProceduresAreIdempotent() {
        RegisteredWorker both = RegisteredWorker.create(FIRST_WORKER_URL, List.of(CREATE_GAME, CHECK_SECRET),
                List.of(CHECK_SECRET), availableAtStart());

        assertThat(both.isIdempotent(CHECK_SECRET)).isTrue();
        assertThat(both.isIdempotent(CREATE_GAME)).isFalse();
        assertThat(both.isIdempotent("game/unknown")).isFalse();
    }

    @Test
    void nullIdempotentListMeansNone() {
        RegisteredWorker none = RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, availableAtStart());

        assertThat(none.idempotentProcedureNames()).isEmpty();
    }

    @Test
    void rejectsIdempotentProcedureItDoesNotOffer() {
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET),
                Set.of(CREATE_GAME), availableAtStart()))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("idempotentProcedureNames must be a subset of procedureNames; "
                        + "'game/createGame' is not in procedureNames");
    }

    @Test
    void rejectsNullIdempotentProcedureName() {
        List<String> withNull = new java.util.ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), withNull,
                availableAtStart()))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("'null' is not in procedureNames");
    }

    @Test
    void keepsIdempotencyThroughStateChanges() {
        RegisteredWorker idempotent = idempotentCheckSecretWorker(FIRST_WORKER_URL);

        RegisteredWorker changed = idempotent.withReport(WorkerState.UNAVAILABLE, TEN_SECONDS_LATER)
                .markedDownUntil(TEN_SECONDS_LATER).withoutDownMark();

        assertThat(changed.idempotentProcedureNames()).containsExactly(CHECK_SECRET);
        assertThatThrownBy(() -> changed.idempotentProcedureNames().add(CREATE_GAME))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityCoversIdempotentProcedures() {
        RegisteredWorker idempotent = new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET),
                Set.of(CHECK_SECRET), availableAtStart(), null);

        assertThat(idempotent).isNotEqualTo(worker);
        assertThat(idempotent.toString()).contains("idempotentProcedureNames=[game/checkSecret]");
    }

    @Test
    void hasNoNameOrSegmentsUnlessItSentThem() {
        assertThat(worker.name()).isEmpty();
        assertThat(worker.segments()).isEmpty();
    }

    @Test
    void keepsNameAndSortedSegments() {
        RegisteredWorker named = RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker1",
                List.of("light", "heavy", "light"), availableAtStart());

        assertThat(named.name()).contains("worker1");
        assertThat(named.segments()).containsExactly("heavy", "light");
        assertThatThrownBy(() -> named.segments().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(named.toString()).contains("name=worker1", "segments=[heavy, light]");
    }

    @Test
    void rejectsABadNameOrSegmentNamingTheField() {
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(),
                "<b>worker</b>", null, availableAtStart()))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'name' must be 1 to 64 characters");
        assertThatThrownBy(() -> RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(),
                "worker1", List.of("x".repeat(65)), availableAtStart()))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'segments' must hold segment names");
    }

    @Test
    void keepsNameSegmentsAndLoadThroughStateChanges() {
        RegisteredWorker named = RegisteredWorker.create(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker1",
                Set.of("heavy"), availableAtStart());
        named.load().record(START.getEpochSecond());

        RegisteredWorker changed = named.withReport(WorkerState.UNAVAILABLE, TEN_SECONDS_LATER)
                .markedDownUntil(TEN_SECONDS_LATER).withoutDownMark();

        assertThat(changed.name()).contains("worker1");
        assertThat(changed.segments()).containsExactly("heavy");
        assertThat(changed.load()).isSameAs(named.load());
        assertThat(changed.load().requests()).isEqualTo(1);
    }

    @Test
    void everyRegistrationCountsItsOwnLoadAndEqualityIgnoresIt() {
        RegisteredWorker same = new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET),
                availableAtStart(), null);
        worker.load().record(START.getEpochSecond());

        assertThat(same.load()).isNotSameAs(worker.load());
        assertThat(same.load().requests()).isZero();
        assertThat(same).isEqualTo(worker).hasSameHashCodeAs(worker);
    }

    @Test
    void equalityCoversNameAndSegments() {
        RegisteredWorker named = new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(),
                "worker1", null, availableAtStart(), null);
        RegisteredWorker segmented = new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(),
                null, Set.of("heavy"), availableAtStart(), null);

        assertThat(named).isNotEqualTo(worker);
        assertThat(segmented).isNotEqualTo(worker);
        assertThat(new RegisteredWorker(worker.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), null, List.of(),
                availableAtStart(), null)).isEqualTo(worker);
    }
}
