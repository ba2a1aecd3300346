package io.jitar.worker.cluster;

import io.jitar.worker.config.WorkerSettings;
import io.jitar.core.protocol.WorkerState;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The worker's readiness as the gateway would see it: {@code GET /health/ready} on its own
 * advertised URL ({@code jitar.url}). That covers every readiness check of the application and
 * proves the URL the gateway will call actually answers.
 */
@ApplicationScoped
public class SelfProbe {

    @Inject
    WorkerSettings settings;

    private HttpClient client;
    private URI ready;

    @PostConstruct
    void open() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        ready = settings.url().orElseThrow().resolve("/health/ready");
    }

    public WorkerState state() {
        try {
            HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? WorkerState.AVAILABLE : WorkerState.UNAVAILABLE;
        } catch (IOException e) {
            return WorkerState.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WorkerState.UNAVAILABLE;
        }
    }
}
