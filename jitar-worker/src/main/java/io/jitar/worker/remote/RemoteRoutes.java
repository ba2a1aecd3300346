package io.jitar.worker.remote;

import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.config.WorkerSettings;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Direct calls between workers ({@code jitar.worker.remote-calls=direct}, the default in a cluster):
 * the {@link DirectRoutes} the remote calls pick callees from, kept current by a {@link RouteFeed}
 * from the application's start ({@link #start}, for a worker that calls other segments) to its end.
 * With {@code gateway}, or standalone, there are none, and every remote call goes through the gateway.
 */
@ApplicationScoped
public class RemoteRoutes {

    private static final Logger LOG = Logger.getLogger(RemoteRoutes.class.getName());

    @Inject
    WorkerSettings settings;
    @Inject
    WorkerHttp http;
    @Inject
    Gateways gateways;
    @Inject
    @WorkerJson
    Jsonb jsonb;

    private final DirectRoutes routes = new DirectRoutes(System::nanoTime);
    private volatile RouteFeed feed;

    /**
     * Starts following the gateway's routes, when direct calls are on; called by the cluster
     * membership at the application's start for a worker that calls other segments.
     */
    public synchronized void start() throws NamingException {
        if (!isDirect() || feed != null) {
            return;
        }
        // Looked up, not injected with @Resource: see ClusterMembership.
        ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        feed = new RouteFeed(http.client(), gateways, settings.trustKey().value(), jsonb, routes, scheduler);
        feed.start();
        LOG.info(() -> "Calling other segments' workers directly, with routes from gateway " + gateways.current()
                + " (" + WorkerSettings.REMOTE_CALLS + "=direct)");
    }

    /** The routes remote calls take (empty until the feed's first table), or none when every call goes through the gateway. */
    Optional<DirectRoutes> direct() {
        return isDirect() ? Optional.of(routes) : Optional.empty();
    }

    /** The direct calls sent per callee URL since the last time, for this worker's next report. */
    public Map<String, Long> drainDirectCalls() {
        return routes.drainSent();
    }

    private boolean isDirect() {
        return !settings.isStandalone() && settings.remoteCalls() == WorkerSettings.RemoteCalls.DIRECT;
    }

    /** Before the beans are destroyed, so that the feed never runs on a stopped HTTP client. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (feed != null) {
            feed.stop();
        }
    }
}
