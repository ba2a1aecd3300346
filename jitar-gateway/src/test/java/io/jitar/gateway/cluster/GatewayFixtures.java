package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Named values shared by the gateway tests. */
final class GatewayFixtures {

    static final Instant START = Instant.parse("2025-01-01T12:00:00Z");

    static final String CHECK_SECRET = "game/checkSecret";
    static final String CREATE_GAME = "game/createGame";
    static final String UNKNOWN_PROCEDURE = "game/doesNotExist";

    static final URI FIRST_WORKER_URL = URI.create("http://worker-1:8080/");
    static final URI SECOND_WORKER_URL = URI.create("http://worker-2:8080/");
    static final URI THIRD_WORKER_URL = URI.create("https://worker-3.example.com/jitar/");

    static final Duration UNAVAILABLE_THRESHOLD = Duration.ofSeconds(6);
    static final Duration STOPPED_THRESHOLD = Duration.ofSeconds(18);
    static final MonitorSettings SETTINGS = new MonitorSettings(UNAVAILABLE_THRESHOLD, STOPPED_THRESHOLD);

    static final Duration JUST_UNDER_A_SECOND = Duration.ofMillis(999);

    private GatewayFixtures() {
    }

    static WorkerHealth availableAtStart() {
        return new WorkerHealth(WorkerState.AVAILABLE, START, SETTINGS);
    }

    /** A new registration (random id) of {@code procedureNames}, none idempotent, no name or segments. */
    static Registration registration(URI url, Collection<String> procedureNames) {
        return Registration.withNewId(url, procedureNames, Set.of(), null, null);
    }

    /** An available worker at {@link #START} that offers {@link #CHECK_SECRET} and declares it idempotent. */
    static RegisteredWorker idempotentCheckSecretWorker(URI url) {
        return new RegisteredWorker(Registration.withNewId(url, Set.of(CHECK_SECRET), Set.of(CHECK_SECRET), null, null),
                availableAtStart());
    }

    /** An available worker at {@link #START} that offers {@link #CHECK_SECRET}. */
    static RegisteredWorker checkSecretWorker(URI url) {
        return new RegisteredWorker(registration(url, Set.of(CHECK_SECRET)), availableAtStart());
    }
}
