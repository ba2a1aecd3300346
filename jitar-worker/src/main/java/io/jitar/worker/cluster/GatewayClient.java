package io.jitar.worker.cluster;

import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.remote.GatewayUnavailableException;
import io.jitar.worker.remote.GatewayUrls;
import io.jitar.core.protocol.WorkerState;
import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.RegistrationAnswer;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerReport;
import io.jitar.core.remote.RemoteErrors;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The worker's side of a gateway's registry API. Network faults become
 * {@link GatewayUnavailableException}, which Fault Tolerance retries; a refusal by the gateway
 * (a wrong trust key, bad data) is rethrown as the gateway's error and not retried.
 */
@ApplicationScoped
public class GatewayClient {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    WorkerSettings settings;
    @Inject
    @WorkerJson
    Jsonb jsonb;

    private HttpClient client;
    private URI gateway;

    @PostConstruct
    void open() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CALL_TIMEOUT).build();
        gateway = settings.gateway().orElseThrow();
    }


    /** Registers this worker; returns its id. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GatewayUnavailableException.class)
    @Timeout(10_000)
    public String register(WorkerRegistration registration) {
        HttpResponse<String> response = send(request(GatewayPaths.WORKERS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(registration))).build());
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw refusal(response);
        }
        return jsonb.fromJson(response.body(), RegistrationAnswer.class).id();
    }

    /** Reports the worker's state; {@code false} when the gateway no longer knows this id (it restarted). */
    @Timeout(5_000)
    public boolean report(String id, WorkerState state) {
        WorkerReport report = new WorkerReport(state.name().toLowerCase(Locale.ROOT));
        HttpResponse<String> response = send(request(GatewayPaths.report(id))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(report))).build());
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() >= 300) {
            throw refusal(response);
        }
        return true;
    }

    /**
     * Removes this worker from the gateway; an unknown id is fine (already gone). One attempt, no
     * Fault Tolerance: it runs while the application shuts down, when Payara Server no longer
     * gives interceptors an invocation context (and a worker that fails to deregister is dropped
     * by the gateway once its reports stop anyway).
     */
    public void deregister(String id) {
        HttpResponse<String> response = send(request(GatewayPaths.worker(id)).DELETE().build());
        if (response.statusCode() >= 300 && response.statusCode() != 404) {
            throw refusal(response);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(GatewayUrls.below(gateway, path)).timeout(CALL_TIMEOUT);
        String key = settings.trustKey().value();
        return key == null ? builder : builder.header(JitarHeaders.TRUST_KEY, key);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayUnavailableException("Gateway " + gateway + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("Interrupted while calling gateway " + gateway, e);
        }
    }

    private RuntimeException refusal(HttpResponse<String> response) {
        return RemoteErrors.toException(response.statusCode(), response.body(), jsonb, getClass().getClassLoader());
    }
}
