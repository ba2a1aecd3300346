package io.jitar.worker.remote;

import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.extension.ApplicationModel;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
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
 * from the application's start to its end. Only a worker that calls other segments follows the
 * routes; with {@code gateway}, standalone, or without remote procedures there are none, and
 * every remote call goes through the gateway.
 */
@ApplicationScoped
public class RemoteRoutes {

    private static final Logger LOG = Logger.getLogger(RemoteRoutes.class.getName());

    @Inject
    WorkerSettings settings;
    @Inject
    ApplicationModel model;
    @Inject
    WorkerHttp http;
    @Inject
    @WorkerJson
    Jsonb jsonb;

    private final DirectRoutes routes = new DirectRoutes(System::nanoTime);
    private RouteFeed feed;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        if (!followsRoutes()) {
            return;
        }
        // Looked up, not injected with @Resource: see ClusterMembership.
        ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        feed = new RouteFeed(http.client(), settings.gateway().orElseThrow(), settings.trustKey().value(), jsonb, routes, scheduler);
        feed.start();
        LOG.info(() -> "Calling other segments' workers directly, with routes from gateway " + settings.gateway().orElseThrow()
                + " (" + WorkerSettings.REMOTE_CALLS + "=direct)");
    }

    /** The routes remote calls take, or empty when every call goes through the gateway. */
    Optional<DirectRoutes> direct() {
        return followsRoutes() ? Optional.of(routes) : Optional.empty();
    }

    /** The direct calls sent per callee URL since the last time, for this worker's next report. */
    public Map<String, Long> drainDirectCalls() {
        return routes.drainSent();
    }

    private boolean followsRoutes() {
        return !settings.isStandalone() && settings.remoteCalls() == WorkerSettings.RemoteCalls.DIRECT
                && !model.remoteProcedures().isEmpty();
    }

    /** Before the beans are destroyed, so that the feed never runs on a stopped HTTP client. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (feed != null) {
            feed.stop();
        }
    }
}
