package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.core.http.PassThroughClients;
import io.jitar.proxy.routing.BodyLimit;
import io.jitar.proxy.routing.HeaderRewriter;
import io.jitar.proxy.routing.IdleSweeper;
import io.jitar.proxy.routing.ProxyRoutes;
import io.jitar.proxy.routing.ProxySettings;
import io.jitar.proxy.config.ProxyConfigCheck;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;

/**
 * What every forwarded request shares, built once per deployment: the settings, the routes, the
 * header and body rules, ONE Jetty {@link HttpClient} ({@link PassThroughClients}: HTTP/1.1,
 * pooled keep-alive connections, nothing added to or taken from what passes) with its own daemon
 * threads, and one timer thread that runs the sweeper ending idle exchanges and the timeouts of the
 * waits for an upstream's answer. Everything here is immutable or thread-safe.
 */
@ApplicationScoped
public class ProxyRuntime {

    private static final Logger LOG = Logger.getLogger(ProxyRuntime.class.getName());

    /**
     * Connections per upstream, above {@link PassThroughClients}' default: a download streamed to a
     * slow client holds its connection for as long as the client takes, and the JDK client the proxy
     * used before had no limit. Past the limit requests queue (504 after {@code jitar.proxy.timeout}).
     */
    static final int MAX_CONNECTIONS_PER_UPSTREAM = 1024;

    @Inject
    ProxyConfigCheck config;

    private ProxySettings settings;
    private ProxyRoutes routes;
    private HeaderRewriter headers;
    private GatewayFailover failover;
    private BodyLimit bodyLimit;
    private ScheduledThreadPoolExecutor scheduler;
    private HttpClient client;
    private IdleSweeper sweeper;

    @PostConstruct
    void start() {
        settings = config.settings();
        routes = ProxyRoutes.of(settings);
        failover = new GatewayFailover(routes);
        headers = new HeaderRewriter(settings.passTrustKey());
        bodyLimit = new BodyLimit(settings.maxBodySize());
        client = PassThroughClients.start("jitar-proxy-http", settings.connectTimeout());
        // Destinations are created on first use, so this limit applies to every upstream.
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_UPSTREAM);
        sweeper = new IdleSweeper(settings.timeout(), System::nanoTime);
        scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads("jitar-proxy-timer-"));
        // Every request schedules its wait timeout and cancels it when the answer comes: without
        // this, cancelled tasks (and the exchanges they hold) would stay queued for the whole timeout.
        scheduler.setRemoveOnCancelPolicy(true);
        long interval = IdleSweeper.interval(settings.timeout()).toMillis();
        scheduler.scheduleWithFixedDelay(sweeper::sweep, interval, interval, TimeUnit.MILLISECONDS);
        routes.gateways().filter(group -> group.size() > 1)
                .ifPresent(group -> new GatewayHealthWatch(client, group).start(scheduler));
        LOG.log(Level.INFO, () -> "Jitar proxy: /rpc to the " + (settings.gateways().size() > 1
                ? "gateways " + settings.gateways().stream().map(gateway -> gateway.base().toString()).toList() + " in turn"
                : settings.rpc())
                + (settings.rpc().isGateway() ? ", GET /jitar/cluster to its /cluster" : "")
                + ", everything else to the " + settings.repository() + "; timeout " + ProxySettings.describe(settings.timeout()));
    }

    /** Builds the runtime at deployment rather than at the first request, and logs the routes. */
    void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        Exception failure = PassThroughClients.stop(client); // closes its connections and threads
        if (failure != null) {
            LOG.log(Level.WARNING, "The proxy's HTTP client did not stop cleanly", failure);
        }
    }

    public ProxySettings settings() {
        return settings;
    }

    public ProxyRoutes routes() {
        return routes;
    }

    /** When a request a gateway did not answer may go to the next gateway. */
    GatewayFailover failover() {
        return failover;
    }

    public HeaderRewriter headers() {
        return headers;
    }

    public BodyLimit bodyLimit() {
        return bodyLimit;
    }

    public HttpClient client() {
        return client;
    }

    /** The timer thread: short tasks only (a sweep, a timeout that aborts a request). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public IdleSweeper sweeper() {
        return sweeper;
    }

    public Duration timeout() {
        return settings.timeout();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
