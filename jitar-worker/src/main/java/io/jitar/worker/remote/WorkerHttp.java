package io.jitar.worker.remote;

import io.jitar.core.http.PassThroughClients;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.jetty.client.HttpClient;

/**
 * The one HTTP client of a worker, for every call it makes: remote procedures (direct or through
 * the gateway), registration, reports and route updates. Jetty's asynchronous client with pooled
 * keep-alive HTTP/1.1 connections, the same set-up as the gateway's and the proxy's
 * ({@link PassThroughClients}), because the JDK's client cost 630-770 µs of CPU per call on JDK 17
 * against 20-40 µs for this one (README, "Performance").
 */
@ApplicationScoped
public class WorkerHttp {

    private static final Logger LOG = Logger.getLogger(WorkerHttp.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private HttpClient client;

    @PostConstruct
    void open() {
        client = PassThroughClients.start("jitar-worker-http", CONNECT_TIMEOUT);
    }

    public HttpClient client() {
        return client;
    }

    @PreDestroy
    void close() {
        Exception failure = PassThroughClients.stop(client);
        if (failure != null) {
            LOG.fine(() -> "Stopping the worker's HTTP client failed: " + failure);
        }
    }
}
