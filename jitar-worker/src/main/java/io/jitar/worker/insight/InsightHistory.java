package io.jitar.worker.insight;

import io.jitar.core.insight.CallGraph;
import io.jitar.core.insight.GraphHistory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The call graph's snapshots of the last hour, taken every 15 s from the application's start, so
 * {@code /jitar/insights} can answer over a recent window.
 */
@ApplicationScoped
public class InsightHistory {

    private static final Logger LOG = Logger.getLogger(InsightHistory.class.getName());

    @Inject
    CallGraph graph;

    private GraphHistory history;
    private ScheduledFuture<?> snapshots;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        history = new GraphHistory(graph, System.nanoTime());
        // Looked up, not injected with @Resource: see ClusterMembership.
        ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        long millis = GraphHistory.INTERVAL.toMillis();
        snapshots = scheduler.scheduleAtFixedRate(this::record, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void record() {
        try {
            history.record(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take a snapshot of the call graph", e);
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (snapshots != null) {
            snapshots.cancel(false);
        }
    }

    /** The calls of the last {@code window}; since start for {@code null}. */
    public GraphHistory.Window window(Duration window) {
        return history.window(window, System.nanoTime());
    }

    public CallGraph graph() {
        return graph;
    }
}
