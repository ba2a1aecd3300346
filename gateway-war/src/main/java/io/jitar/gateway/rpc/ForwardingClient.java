package io.jitar.gateway.rpc;

import io.jitar.core.gateway.RequestForwarder;
import io.jitar.core.gateway.WorkerRegistry;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The gateway's one HTTP client to its workers and the {@link RequestForwarder} built on it,
 * created at start and shared by every request: a client per call would open a new connection
 * (and threads) each time, while this one keeps keep-alive connections to every worker.
 *
 * <p>HTTP/1.1 explicitly (workers speak it; the JDK would otherwise try an upgrade to HTTP/2),
 * no proxy (workers are inside the cluster), no redirects (a worker's answer goes back as it is),
 * and a short connect timeout, because an unreachable worker is skipped for the next one.
 * Its threads come from the container's {@link ManagedThreadFactory}, so they carry the
 * application's context, and they end with the application.
 */
@ApplicationScoped
public class ForwardingClient {

    private static final Logger LOG = Logger.getLogger(ForwardingClient.class.getName());
    private static final int THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    @Resource
    ManagedThreadFactory threads;
    @Inject
    WorkerRegistry registry;
    @Inject
    GatewaySettings settings;
    @Inject
    Clock clock;

    private ExecutorService executor;
    private HttpClient client;
    private RequestForwarder forwarder;

    @PostConstruct
    void open() {
        // A fixed pool: the work per answer is tiny (hand the bytes back), while a cached pool of
        // managed threads kept creating new ones under load (thread ids rising by ~150/s).
        executor = Executors.newFixedThreadPool(THREADS, threads);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(executor)
                .build();
        forwarder = new RequestForwarder(client, registry, settings.forwarding(), executor, clock);
    }

    @PreDestroy
    void close() {
        executor.shutdown();
        // HttpClient is AutoCloseable from Java 21 on; on 17 its selector thread ends once it is unreachable.
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Closing the forwarding client failed: " + e);
            }
        }
    }

    public RequestForwarder forwarder() {
        return forwarder;
    }
}
