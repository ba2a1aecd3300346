package io.jitar.worker.cluster;

import io.jitar.core.protocol.WorkerState;
import io.jitar.core.protocol.WorkerLabels;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.extension.ApplicationModel;
import io.jitar.worker.extension.ModuleProcedure;
import io.jitar.worker.rpc.InFlightRequests;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A clustered worker's membership of its gateway: registers once its own URL answers ready
 * (retrying with back-off until the gateway answers), reports its readiness every report
 * interval, registers again by itself when the gateway forgot it (a gateway restart), and on
 * shutdown deregisters first and then lets the requests in flight finish.
 */
@ApplicationScoped
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());
    private static final Duration FIRST_ATTEMPT = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    @Inject
    WorkerSettings settings;
    @Inject
    ApplicationModel model;
    @Inject
    GatewayClient gateway;
    @Inject
    SelfProbe self;
    @Inject
    InFlightRequests inFlight;
    private ManagedScheduledExecutorService scheduler;

    private volatile String workerId;
    private volatile boolean stopping;
    private Duration backOff = FIRST_ATTEMPT;
    private ScheduledFuture<?> reports;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        if (settings.isStandalone()) {
            return;
        }
        // Looked up rather than injected with @Resource: Payara gives a bean in WEB-INF/lib no
        // java:comp/env entries of its own, so field injection fails the deployment.
        scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        warnAboutLabels(settings, model);
        scheduleRegistration(FIRST_ATTEMPT);
        long interval = settings.reportInterval().toMillis();
        reports = scheduler.scheduleAtFixedRate(this::report, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** This worker's id at the gateway; empty while not registered. */
    public java.util.Optional<String> workerId() {
        return java.util.Optional.ofNullable(workerId);
    }

    private void scheduleRegistration(Duration delay) {
        if (!stopping) {
            scheduler.schedule(this::register, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void register() {
        if (stopping || workerId != null) {
            return;
        }
        try {
            if (self.state() != WorkerState.AVAILABLE) {
                throw new IllegalStateException("own URL " + settings.url().orElseThrow() + " is not ready yet");
            }
            workerId = gateway.register(registration());
            backOff = FIRST_ATTEMPT;
            LOG.info(() -> "Registered at gateway " + settings.gateway().orElseThrow() + " as " + workerId);
        } catch (RuntimeException e) {
            backOff = min(backOff.multipliedBy(2), maxBackOff());
            LOG.log(Level.WARNING, "Registration at the gateway failed, retrying in " + backOff.toMillis() + " ms: " + e.getMessage());
            scheduleRegistration(backOff);
        }
    }

    private void report() {
        String id = workerId;
        if (id == null || stopping) {
            return;
        }
        try {
            if (!gateway.report(id, self.state())) {
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
        return min(MAX_BACK_OFF, settings.reportInterval());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private synchronized void forget(String id) {
        if (id.equals(workerId)) {
            workerId = null;
        }
    }

    WorkerRegistration registration() {
        return registration(settings, model);
    }

    /**
     * What this worker tells the gateway: its URL, the procedures it serves remotely (public and
     * protected), which of them may be retried elsewhere, its trust key, and for the gateway's
     * cluster view its {@code jitar.worker.name} and the segments it runs. A name or segment the
     * gateway would refuse ({@link WorkerLabels}) is left out, so that it never costs the
     * registration; {@link #start} logs it once.
     */
    static WorkerRegistration registration(WorkerSettings settings, ApplicationModel model) {
        List<ModuleProcedure> procedures = model.localProcedures().stream()
                .filter(p -> p.declaration().access().isRemotelyCallable()).toList();
        List<String> names = procedures.stream().map(p -> p.fqn().value()).distinct().sorted().toList();
        // A name is retried by the gateway whatever version was asked for: only when every version is idempotent.
        List<String> idempotent = names.stream()
                .filter(name -> procedures.stream().filter(p -> p.fqn().value().equals(name))
                        .allMatch(p -> p.declaration().idempotent()))
                .toList();
        String name = settings.name().filter(WorkerLabels::isValid).orElse(null);
        List<String> segments = model.runningSegments().stream().filter(WorkerLabels::isValid).sorted().toList();
        return new WorkerRegistration(settings.url().orElseThrow().toString(), names, idempotent,
                settings.trustKey().value(), name, segments);
    }

    /** Warns about a name or segment that {@link #registration} leaves out. */
    private static void warnAboutLabels(WorkerSettings settings, ApplicationModel model) {
        settings.name().filter(name -> !WorkerLabels.isValid(name)).ifPresent(name -> LOG.warning(() ->
                "'" + WorkerSettings.NAME + "' is not shown in the gateway's cluster view: it must be 1 to "
                        + WorkerLabels.MAX_LENGTH + " characters of letters, digits, '_', '.' or '-'"));
        model.runningSegments().stream().filter(segment -> !WorkerLabels.isValid(segment)).sorted()
                .forEach(segment -> LOG.warning(() -> "Segment '" + segment + "' is not shown in the gateway's "
                        + "cluster view: a segment name must be 1 to " + WorkerLabels.MAX_LENGTH
                        + " characters of letters, digits, '_', '.' or '-'"));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (reports != null) {
            reports.cancel(false);
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
        Instant deadline = Instant.now().plus(DRAIN_LIMIT);
        while (inFlight.count() > 0 && Instant.now().isBefore(deadline)) {
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
