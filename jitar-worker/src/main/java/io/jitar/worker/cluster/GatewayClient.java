package io.jitar.worker.cluster;

import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.remote.GatewayUnavailableException;
import io.jitar.worker.remote.Gateways;
import io.jitar.worker.remote.GatewayUrls;
import io.jitar.core.protocol.WorkerState;
import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.RegistrationAnswer;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.protocol.WorkerReport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import io.jitar.worker.remote.WorkerHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The worker's side of a gateway's registry API. Network faults become
 * {@link GatewayUnavailableException}, which Fault Tolerance retries; a refusal by the gateway
 * (a wrong trust key, bad data) is a {@link GatewayRefusedException} with its status and message,
 * not retried here.
 */
@ApplicationScoped
public class GatewayClient {

    private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    WorkerSettings settings;
    @Inject
    @WorkerJson
    Jsonb jsonb;
    @Inject
    WorkerHttp http;
    @Inject
    Gateways gateways;

    private HttpClient client;
    private final AtomicBoolean toldOriginalFields = new AtomicBoolean();

    @PostConstruct
    void open() {
        client = http.client();
    }


    /**
     * Registers this worker; returns its id. An original Jitar gateway refuses our extra fields
     * (400, {@code Unknown field ...}): then the registration is sent once more with the original's
     * fields only, and this worker serves behind it without our additions (the gateway neither
     * retries by idempotence nor shows name and segments; it does neither for anyone). Every
     * registration tries the full body first, so a gateway replaced by ours gets it again.
     */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GatewayUnavailableException.class)
    @Timeout(10_000)
    public String register(WorkerRegistration registration) {
        try {
            return post(registration);
        } catch (GatewayRefusedException e) {
            if (!e.isUnknownFieldRefusal()) {
                throw e;
            }
            if (!toldOriginalFields.getAndSet(true)) {
                LOG.info(() -> "Gateway " + gateways.current() + " refused our registration fields (" + e.gatewayMessage()
                        + "): it is an original Jitar gateway; registering with url, procedureNames and trustKey only");
            }
            return post(registration.originalFields());
        }
    }

    private String post(WorkerRegistration registration) {
        ContentResponse response = exchange(GatewayPaths.WORKERS, HttpMethod.POST, json(registration));
        if (response.getStatus() != 200 && response.getStatus() != 201) {
            throw refusal(response);
        }
        return jsonb.fromJson(response.getContentAsString(), RegistrationAnswer.class).id();
    }

    /**
     * Reports the worker's state and the calls it sent directly since the last report (empty:
     * left out); {@code false} when the gateway no longer knows this id (it restarted).
     */
    @Timeout(5_000)
    public boolean report(String id, WorkerState state, Map<String, Long> directCalls) {
        WorkerReport report = new WorkerReport(state.name().toLowerCase(Locale.ROOT), directCalls.isEmpty() ? null : directCalls);
        ContentResponse response = exchange(GatewayPaths.report(id), HttpMethod.POST, json(report));
        if (response.getStatus() == 404) {
            return false;
        }
        if (response.getStatus() >= 300) {
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
        ContentResponse response = exchange(GatewayPaths.worker(id), HttpMethod.DELETE, null);
        if (response.getStatus() >= 300 && response.getStatus() != 404) {
            throw refusal(response);
        }
    }

    /**
     * Sends to the current gateway; one that cannot be reached, or answers 503 (it cannot take
     * registrations now, e.g. its grid is missing), hands the request to the next gateway, until
     * each was tried once. With gateways sharing one registry each of them knows this worker.
     */
    private ContentResponse exchange(String path, HttpMethod method, StringRequestContent body) {
        URI gateway = gateways.current();
        for (int tried = 1; ; tried++) {
            Request request = request(gateway, path, method);
            if (body != null) {
                request.body(body);
            }
            try {
                ContentResponse response = send(request, gateway);
                if (response.getStatus() != 503 || tried >= gateways.size()) {
                    return response;
                }
            } catch (GatewayUnavailableException e) {
                if (tried >= gateways.size()) {
                    throw e;
                }
            }
            gateway = gateways.failed(gateway);
        }
    }

    private Request request(URI gateway, String path, HttpMethod method) {
        Request request = client.newRequest(GatewayUrls.below(gateway, path)).method(method)
                .timeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String key = settings.trustKey().value();
        return key == null ? request : request.headers(headers -> headers.put(JitarHeaders.TRUST_KEY, key));
    }

    private StringRequestContent json(Object body) {
        return new StringRequestContent("application/json", jsonb.toJson(body), StandardCharsets.UTF_8);
    }

    private static ContentResponse send(Request request, URI gateway) {
        try {
            return request.send();
        } catch (TimeoutException | ExecutionException e) {
            throw new GatewayUnavailableException("Gateway " + gateway + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("Interrupted while calling gateway " + gateway, e);
        }
    }

    private GatewayRefusedException refusal(ContentResponse response) {
        return GatewayRefusedException.of(response.getStatus(), response.getContentAsString(), jsonb);
    }
}
