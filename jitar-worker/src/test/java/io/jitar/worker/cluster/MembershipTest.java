package io.jitar.worker.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The membership loop on a manual timer and clock: every delay and call is exact, nothing sleeps. */
class MembershipTest {

    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(2);
    private static final WorkerRegistration BODY = new WorkerRegistration("http://127.0.0.1:9001", List.of("shop/buy"),
            List.of(), null, null, List.of());

    /** A gateway that answers as told and records what it was asked. */
    private static final class FakeGateway implements Membership.Gateway {
        final List<String> calls = new ArrayList<>();
        int refusals;
        RuntimeException refusal = new IllegalStateException("gateway down");
        boolean knowsWorker = true;
        int registrations;

        @Override
        public String register(WorkerRegistration registration) {
            if (refusals > 0) {
                refusals--;
                calls.add("register refused");
                throw refusal;
            }
            registrations++;
            knowsWorker = true;
            calls.add("register");
            return "worker-" + registrations;
        }

        @Override
        public boolean report(String id, WorkerState state) {
            calls.add("report " + id + " " + state);
            return knowsWorker;
        }

        @Override
        public void deregister(String id) {
            calls.add("deregister " + id);
        }
    }

    private final ManualTimer timer = new ManualTimer();
    private final FakeGateway gateway = new FakeGateway();
    private WorkerState selfState = WorkerState.AVAILABLE;
    private IntSupplier inFlight = () -> 0;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> pauses = new ArrayList<>();

    private final Membership membership = new Membership(() -> BODY, REPORT_INTERVAL, gateway, () -> selfState,
            () -> inFlight.getAsInt(), timer, new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            }, duration -> {
                pauses.add(duration);
                now = now.plus(duration);
            });

    @Test
    void registersOnceTheFirstAttemptIsDue() {
        membership.start();
        timer.advance(Duration.ofMillis(199));
        assertThat(membership.workerId()).isNull();

        timer.advance(Duration.ofMillis(1));

        assertThat(membership.workerId()).isEqualTo("worker-1");
        assertThat(gateway.calls).containsExactly("register");
    }

    @Test
    void waitsForItsOwnReadinessWithDoublingBackOffCappedByTheReportInterval() {
        selfState = WorkerState.UNAVAILABLE;
        membership.start();

        timer.advance(Duration.ofMillis(200 + 400 + 800 + 1600));

        assertThat(timer.delays).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofMillis(2000));
        assertThat(gateway.calls).noneMatch(call -> call.startsWith("register"));

        selfState = WorkerState.AVAILABLE;
        timer.advance(Duration.ofMillis(2000));
        assertThat(membership.workerId()).isEqualTo("worker-1");
    }

    @Test
    void retriesARefusingGatewayAndStartsOverAtTheFirstDelayAfterSuccess() {
        gateway.refusals = 2;
        membership.start();

        timer.advance(Duration.ofMillis(200 + 400 + 800));

        assertThat(gateway.calls).containsExactly("register refused", "register refused", "register");
        assertThat(membership.workerId()).isEqualTo("worker-1");
    }

    @Test
    void aRefusalIsWarnedWithTheGatewaysStatusAndMessageOnceUntilItChanges() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Membership.class.getName());
        logger.addHandler(handler);
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        try {
            gateway.refusals = 3;
            gateway.refusal = new GatewayRefusedException(401, "Invalid trust key");
            membership.start();
            timer.advance(Duration.ofMillis(200 + 400));
            gateway.refusal = new GatewayRefusedException(400, "Unknown field 'segments'");
            timer.advance(Duration.ofMillis(800 + 1600));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage).containsExactly(
                tuple(Level.WARNING, "The gateway refused the registration with status 401: Invalid trust key; retrying in 400 ms"),
                tuple(Level.FINE, "The gateway refused the registration with status 401: Invalid trust key; retrying in 800 ms"),
                tuple(Level.WARNING, "The gateway refused the registration with status 400: Unknown field 'segments'; retrying in 1600 ms"),
                tuple(Level.INFO, "Registered at the gateway as worker-1"));
    }

    @Test
    void reportsEveryIntervalOnceRegistered() {
        membership.start();

        timer.advance(REPORT_INTERVAL.multipliedBy(3));

        assertThat(gateway.calls).containsExactly("register", "report worker-1 AVAILABLE", "report worker-1 AVAILABLE",
                "report worker-1 AVAILABLE");
    }

    @Test
    void registersAgainAtOnceWhenTheGatewayForgotIt() {
        membership.start();
        timer.advance(Duration.ofMillis(200));
        gateway.knowsWorker = false;

        timer.advance(REPORT_INTERVAL);

        assertThat(gateway.calls).containsExactly("register", "report worker-1 AVAILABLE", "register");
        assertThat(membership.workerId()).isEqualTo("worker-2");
    }

    @Test
    void stopDeregistersThenWaitsForTheRequestsInFlight() {
        membership.start();
        timer.advance(Duration.ofMillis(200));
        AtomicInteger polls = new AtomicInteger();
        inFlight = () -> polls.incrementAndGet() <= 3 ? 1 : 0; // the request in flight ends after three polls

        membership.stop();

        assertThat(gateway.calls).containsExactly("register", "deregister worker-1");
        assertThat(pauses).containsExactly(Membership.DRAIN_POLL, Membership.DRAIN_POLL, Membership.DRAIN_POLL);
    }

    @Test
    void drainingEndsAtTheLimitWhenARequestNeverFinishes() {
        membership.start();
        timer.advance(Duration.ofMillis(200));
        inFlight = () -> 1;

        membership.stop();

        assertThat(pauses).hasSize((int) (Membership.DRAIN_LIMIT.toMillis() / Membership.DRAIN_POLL.toMillis()));
        assertThat(gateway.calls).containsExactly("register", "deregister worker-1");
    }

    @Test
    void afterStopNothingIsReportedOrRegistered() {
        gateway.refusals = 1;
        membership.start();
        timer.advance(Duration.ofMillis(200));

        membership.stop();
        timer.advance(Duration.ofSeconds(30));

        assertThat(gateway.calls).containsExactly("register refused");
        assertThat(membership.workerId()).isNull();
    }
}
