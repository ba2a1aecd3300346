package io.jitar.gateway.cluster;

import io.jitar.errors.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static io.jitar.gateway.cluster.GatewayFixtures.CREATE_GAME;
import static io.jitar.gateway.cluster.GatewayFixtures.FIRST_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.THIRD_WORKER_URL;
import static io.jitar.gateway.cluster.GatewayFixtures.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest {

    private final Registration registration = registration(FIRST_WORKER_URL, Set.of(CHECK_SECRET));

    @Test
    void newRegistrationsGetDistinctUuids() {
        Registration other = registration(FIRST_WORKER_URL, Set.of(CHECK_SECRET));

        assertThat(UUID.fromString(registration.id()).toString()).isEqualTo(registration.id());
        assertThat(other.id()).isNotEqualTo(registration.id());
    }

    @Test
    void keepsAnUnmodifiableCopyOfProcedureNames() {
        Set<String> names = new HashSet<>(Set.of(CHECK_SECRET));
        Registration copied = registration(FIRST_WORKER_URL, names);

        names.add(CREATE_GAME);

        assertThat(copied.procedureNames()).containsExactly(CHECK_SECRET);
        assertThatThrownBy(() -> copied.procedureNames().add(CREATE_GAME)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sortsProcedureNames() {
        assertThat(registration(FIRST_WORKER_URL, List.of(CREATE_GAME, CHECK_SECRET)).procedureNames())
                .containsExactly(CHECK_SECRET, CREATE_GAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://worker-1/", "mailto:worker@example.com", "/relative/path",
            "http:///no-host", "http:opaque", "ws://worker-1:8080/"})
    void rejectsNonHttpUrl(String url) {
        assertThatThrownBy(() -> registration(URI.create(url), Set.of(CHECK_SECRET)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("url must be an absolute http(s) URL");
    }

    @Test
    void rejectsMissingUrl() {
        assertThatThrownBy(() -> registration(null, Set.of(CHECK_SECRET)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("url must be an absolute http(s) URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://worker-1:8080/", "HTTPS://worker-1/", "https://10.0.0.7:8443/jitar"})
    void acceptsHttpAndHttpsUrls(String url) {
        assertThat(registration(URI.create(url), Set.of(CHECK_SECRET)).url()).isEqualTo(URI.create(url));
    }

    @Test
    void normalizesUrl() {
        Registration dotted = registration(URI.create("https://worker-3.example.com/other/../jitar/"), Set.of(CHECK_SECRET));

        assertThat(dotted.url()).isEqualTo(THIRD_WORKER_URL);
    }

    @Test
    void rejectsEmptyProcedureList() {
        assertThatThrownBy(() -> registration(FIRST_WORKER_URL, Set.of()))
                .isInstanceOf(BadRequestException.class).hasMessage("procedureNames must not be empty");
        assertThatThrownBy(() -> registration(FIRST_WORKER_URL, null))
                .isInstanceOf(BadRequestException.class).hasMessage("procedureNames must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/game/check", "game/", "game//check", "game check", "game.check", "spiel/prüfen"})
    void rejectsInvalidProcedureNameNamingIt(String name) {
        assertThatThrownBy(() -> registration(FIRST_WORKER_URL, Set.of(CHECK_SECRET, name)))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Invalid procedure name '" + name + "'");
    }

    @Test
    void rejectsNullProcedureNameNamingIt() {
        List<String> withNull = new ArrayList<>(List.of(CHECK_SECRET));
        withNull.add(null);

        assertThatThrownBy(() -> registration(FIRST_WORKER_URL, withNull))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid procedure name 'null'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkSecret", "my-app/v1_0/$check", "A/b/C/d9"})
    void acceptsValidProcedureNames(String name) {
        assertThat(registration(FIRST_WORKER_URL, Set.of(name)).procedureNames()).containsExactly(name);
    }

    @Test
    void rejectsBlankId() {
        assertThatThrownBy(() -> new Registration(" ", FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id must not be blank");
    }

    @Test
    void declaresNoProcedureIdempotentByDefault() {
        assertThat(registration.idempotentProcedureNames()).isEmpty();
        assertThat(registration.isIdempotent(CHECK_SECRET)).isFalse();
    }

    @Test
    void knowsWhichProceduresAreIdempotent() {
        Registration both = Registration.withNewId(FIRST_WORKER_URL, List.of(CREATE_GAME, CHECK_SECRET), List.of(CHECK_SECRET),
                null, null);

        assertThat(both.isIdempotent(CHECK_SECRET)).isTrue();
        assertThat(both.isIdempotent(CREATE_GAME)).isFalse();
        assertThat(both.isIdempotent("game/unknown")).isFalse();
        assertThatThrownBy(() -> both.idempotentProcedureNames().add(CREATE_GAME)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsIdempotentProcedureItDoesNotOffer() {
        assertThatThrownBy(() -> Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(CREATE_GAME), null, null))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("idempotentProcedureNames must be a subset of procedureNames; 'game/createGame' is not in procedureNames");
    }

    @Test
    void rejectsNullIdempotentProcedureName() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), withNull, null, null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'null' is not in procedureNames");
    }

    @Test
    void hasNoNameOrSegmentsUnlessItSentThem() {
        assertThat(registration.name()).isNull();
        assertThat(registration.segments()).isEmpty();
    }

    @Test
    void keepsNameAndSortedSegments() {
        Registration named = Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker1",
                List.of("light", "heavy", "light"));

        assertThat(named.name()).isEqualTo("worker1");
        assertThat(named.segments()).containsExactly("heavy", "light");
        assertThatThrownBy(() -> named.segments().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsABadNameOrSegmentNamingTheField() {
        assertThatThrownBy(() -> Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "<b>worker</b>", null))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'name' must be 1 to 64 characters");
        assertThatThrownBy(() -> Registration.withNewId(FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(), "worker1",
                List.of("x".repeat(65))))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'segments' must hold segment names");
    }

    @Test
    void equalityCoversEveryField() {
        Registration same = new Registration(registration.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, null, Set.of());

        assertThat(same).isEqualTo(registration).hasSameHashCodeAs(registration);
        assertThat(new Registration(registration.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), Set.of(CHECK_SECRET), null, null))
                .isNotEqualTo(registration);
        assertThat(new Registration(registration.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, "worker1", null))
                .isNotEqualTo(registration);
        assertThat(new Registration(registration.id(), FIRST_WORKER_URL, Set.of(CHECK_SECRET), null, null, Set.of("heavy")))
                .isNotEqualTo(registration);
    }
}
