package io.jitar.proxy;

import io.jitar.core.proxy.BodyLimit;
import io.jitar.core.proxy.HeaderRewriter;
import io.jitar.core.proxy.IdleSweeper;
import io.jitar.core.proxy.ProxyRoutes;
import io.jitar.core.proxy.ProxySettings;
import io.jitar.proxy.config.ProxyConfigCheck;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every forwarded request shares, built once per deployment: the settings, the routes, the
 * header and body rules, ONE {@link HttpClient} (HTTP/1.1, pooled keep-alive connections, no
 * redirects followed) with its own daemon threads, and the sweeper that ends idle exchanges.
 * Everything here is immutable or thread-safe.
 */
@ApplicationScoped
public class ProxyRuntime {

    private static final System.Logger LOG = System.getLogger(ProxyRuntime.class.getName());

    @Inject
    ProxyConfigCheck config;

    private ProxySettings settings;
    private ProxyRoutes routes;
    private HeaderRewriter headers;
    private BodyLimit bodyLimit;
    private ExecutorService executor;
    private ScheduledExecutorService scheduler;
    private HttpClient client;
    private IdleSweeper sweeper;

    @PostConstruct
    void start() {
        settings = config.settings();
        routes = ProxyRoutes.of(settings);
        headers = new HeaderRewriter(settings.passTrustKey());
        bodyLimit = new BodyLimit(settings.maxBodySize());
        executor = Executors.newCachedThreadPool(daemonThreads("jitar-proxy-http-"));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        sweeper = new IdleSweeper(settings.timeout(), System::nanoTime);
        scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("jitar-proxy-idle-"));
        long interval = IdleSweeper.interval(settings.timeout()).toMillis();
        scheduler.scheduleWithFixedDelay(sweeper::sweep, interval, interval, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, () -> "Jitar proxy: /rpc to the " + settings.rpc()
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
        // The client has no close() before Java 21: its pooled connections go with it once the
        // threads that serve it are gone.
        executor.shutdownNow();
    }

    public ProxySettings settings() {
        return settings;
    }

    public ProxyRoutes routes() {
        return routes;
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

    public IdleSweeper sweeper() {
        return sweeper;
    }

    public Duration timeout() {
        return settings.timeout();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
