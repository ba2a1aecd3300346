package io.jitar.worker.cluster;

import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerState;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.extension.ApplicationModel;
import io.jitar.worker.remote.RemoteRoutes;
import io.jitar.worker.rpc.InFlightRequests;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Wires a clustered worker's {@link Membership} into the container: starts it when the application
 * has started, on the container's managed scheduler, with the gateway client (whose calls Fault
 * Tolerance retries and times out) and the self probe; stops it when the application stops.
 */
@ApplicationScoped
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

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
    @Inject
    RemoteRoutes routes;

    private Membership membership;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        if (settings.isStandalone()) {
            return;
        }
        // Looked up rather than injected with @Resource: Payara gives a bean in WEB-INF/lib no
        // java:comp/env entries of its own, so field injection fails the deployment.
        ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        RegistrationBody.warnAboutLabels(settings, model);
        LOG.info(() -> "Joining " + (settings.gateways().size() == 1 ? "gateway " + settings.gateways().get(0)
                : "gateways " + settings.gateways()) + " as " + settings.url().orElseThrow());
        membership = new Membership(() -> RegistrationBody.of(settings, model), settings.reportInterval(), gatewayCalls(),
                self::state, inFlight::count, timer(scheduler), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
        membership.start();
        if (!model.remoteProcedures().isEmpty()) {
            routes.start();
        }
    }

    /**
     * Before any application-scoped bean is destroyed, not in {@code @PreDestroy}: deregistering
     * needs the worker's HTTP client ({@link io.jitar.worker.remote.WorkerHttp}), which CDI may
     * otherwise destroy first.
     */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (membership != null) {
            membership.stop();
        }
    }

    private Membership.Gateway gatewayCalls() {
        return new Membership.Gateway() {
            @Override
            public String register(WorkerRegistration registration) {
                return gateway.register(registration);
            }

            @Override
            public boolean report(String id, WorkerState state) {
                // Direct calls are counted by best effort: a report that fails loses its counts.
                return gateway.report(id, state, routes.drainDirectCalls());
            }

            @Override
            public void deregister(String id) {
                gateway.deregister(id);
            }
        };
    }

    private static Membership.Timer timer(ManagedScheduledExecutorService scheduler) {
        return new Membership.Timer() {
            @Override
            public void after(Duration delay, Runnable task) {
                scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public Runnable every(Duration period, Runnable task) {
                long millis = period.toMillis();
                ScheduledFuture<?> reports = scheduler.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
                return () -> reports.cancel(false);
            }
        };
    }
}
