package io.jitar.worker.cluster;

import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A clustered worker's membership of its gateway, as plain Java: registers once its own URL
 * answers ready (retrying with doubling back-off until the gateway answers), reports its
 * readiness every report interval, registers again by itself when the gateway forgot it (a gateway
 * restart), and on {@link #stop} deregisters first and then lets the requests in flight finish.
 *
 * <p>Time comes only from the {@link Timer}, the {@link Clock} and the {@link Pause} it is given,
 * so a test drives it without sleeping. {@link ClusterMembership} wires it into the container.
 */
final class Membership {

    /** Schedules the membership's work; the container's managed scheduler in production. */
    interface Timer {
        /** Runs {@code task} once after {@code delay}. */
        void after(Duration delay, Runnable task);

        /** Runs {@code task} every {@code period}, the first time after one period; returns what cancels it. */
        Runnable every(Duration period, Runnable task);
    }

    /** The gateway's registry API as the membership needs it; see {@link GatewayClient}. */
    interface Gateway {
        String register(WorkerRegistration registration);

        /** {@code false} when the gateway no longer knows {@code id}. */
        boolean report(String id, WorkerState state);

        void deregister(String id);
    }

    /** Waits a little while draining; {@code Thread::sleep} in production. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(Membership.class.getName());
    static final Duration FIRST_ATTEMPT = Duration.ofMillis(200);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);
    static final Duration DRAIN_POLL = Duration.ofMillis(20);

    private final Supplier<WorkerRegistration> registration;
    private final Duration reportInterval;
    private final Gateway gateway;
    private final Supplier<WorkerState> self;
    private final IntSupplier inFlight;
    private final Timer timer;
    private final Clock clock;
    private final Pause pause;

    private volatile String workerId;
    private volatile boolean stopping;
    private Duration backOff = FIRST_ATTEMPT;
    private String lastFailure;
    private Runnable cancelReports;

    /**
     * @param registration   what to register (built on each attempt: it names the worker's own URL)
     * @param reportInterval how often to report; also the longest wait between registration attempts
     * @param self           the worker's own readiness, as the gateway would see it
     * @param inFlight       the requests being served, which {@link #stop} lets finish
     */
    Membership(Supplier<WorkerRegistration> registration, Duration reportInterval, Gateway gateway,
               Supplier<WorkerState> self, IntSupplier inFlight, Timer timer, Clock clock, Pause pause) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.reportInterval = Objects.requireNonNull(reportInterval, "reportInterval");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.self = Objects.requireNonNull(self, "self");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** Schedules the first registration attempt and the reports. */
    synchronized void start() {
        scheduleRegistration(FIRST_ATTEMPT);
        cancelReports = timer.every(reportInterval, this::report);
    }

    /** This worker's id at the gateway; {@code null} while not registered. */
    String workerId() {
        return workerId;
    }

    private void scheduleRegistration(Duration delay) {
        if (!stopping) {
            timer.after(delay, this::register);
        }
    }

    private synchronized void register() {
        if (stopping || workerId != null) {
            return;
        }
        try {
            WorkerRegistration body = registration.get();
            if (self.get() != WorkerState.AVAILABLE) {
                throw new IllegalStateException("own URL " + body.url() + " is not ready yet");
            }
            workerId = gateway.register(body);
            backOff = FIRST_ATTEMPT;
            lastFailure = null;
            LOG.info(() -> "Registered at the gateway as " + workerId);
        } catch (RuntimeException e) {
            backOff = min(backOff.multipliedBy(2), maxBackOff());
            logFailure(failure(e));
            scheduleRegistration(backOff);
        }
    }

    private static String failure(RuntimeException e) {
        if (e instanceof GatewayRefusedException refused) {
            return "The gateway refused the registration with status " + refused.status() + ": " + refused.gatewayMessage();
        }
        return "Registration at the gateway failed: " + e.getMessage();
    }

    /**
     * Warns once per distinct failure: a gateway that keeps refusing (a wrong trust key) would
     * otherwise write the same warning every few seconds for as long as nobody fixes it.
     */
    private void logFailure(String failure) {
        Level level = failure.equals(lastFailure) ? Level.FINE : Level.WARNING;
        lastFailure = failure;
        LOG.log(level, failure + "; retrying in " + backOff.toMillis() + " ms");
    }

    private void report() {
        String id = workerId;
        if (id == null || stopping) {
            return;
        }
        try {
            if (!gateway.report(id, self.get())) {
                LOG.warning(() -> "The gateway no longer knows worker " + id + "; registering again");
                forget(id);
                register();
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Report to the gateway failed: " + e.getMessage());
        }
    }

    /**
     * Never wait longer than a report interval between attempts (nor than 5 s): a gateway that
     * restarts must see its workers again within one report interval of being ready.
     */
    private Duration maxBackOff() {
        return min(MAX_BACK_OFF, reportInterval);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private synchronized void forget(String id) {
        if (id.equals(workerId)) {
            workerId = null;
        }
    }

    /** Deregisters (so the gateway sends nothing new), then waits up to 10 s for the requests in flight. */
    void stop() {
        stopping = true;
        synchronized (this) {
            if (cancelReports != null) {
                cancelReports.run();
            }
        }
        String id = workerId;
        if (id != null) {
            try {
                gateway.deregister(id);
                LOG.info(() -> "Deregistered " + id + " from the gateway");
            } catch (RuntimeException e) {
                LOG.warning(() -> "Deregistration failed; the gateway will drop this worker when its reports stop: " + e.getMessage());
            }
        }
        drain();
    }

    private void drain() {
        Instant deadline = clock.instant().plus(DRAIN_LIMIT);
        while (inFlight.getAsInt() > 0 && clock.instant().isBefore(deadline)) {
            try {
                pause.pause(DRAIN_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
