package io.jitar.worker.remote;

import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.config.WorkerJson;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.remote.RemoteErrors;
import io.jitar.core.remote.RemoteProcedure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Calls procedures of other segments through the gateway, with this worker's trust key: one
 * pooled HTTP/1.1 client and one JSON-B for all calls. The gateway does the per-worker failover;
 * the circuit breaker here only stops hammering a gateway that cannot be reached.
 */
@ApplicationScoped
public class RemoteCaller {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    WorkerSettings settings;
    @Inject
    @WorkerJson
    Jsonb jsonb;

    private HttpClient client;
    private URI gateway;
    private String trustKey;

    @PostConstruct
    void open() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        gateway = settings.gateway().orElseThrow();
        trustKey = settings.trustKey().value();
    }


    /**
     * Finds the caller when the first remote call is made. Through {@code CDI.current()} from this
     * class, because the extension's BeanManager cannot see beans of this jar (Weld archive
     * visibility in a WAR), and this class lives in exactly one bean archive.
     */
    public static Supplier<RemoteCaller> lookup() {
        return () -> CDI.current().select(RemoteCaller.class).get();
    }

    /** A blocking call; remote exceptions are rethrown with their original type when it is known here. */
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, failOn = GatewayUnavailableException.class)
    public Object call(RemoteProcedure procedure, Object[] arguments) {
        try {
            return decode(procedure, client.send(request(procedure, arguments), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** A non-blocking call for procedures returning {@code CompletionStage}. */
    public CompletionStage<Object> callAsync(RemoteProcedure procedure, Object[] arguments) {
        return client.sendAsync(request(procedure, arguments), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(unavailable(error));
                    }
                    return decode(procedure, response);
                });
    }

    private HttpRequest request(RemoteProcedure procedure, Object[] arguments) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(GatewayUrls.below(gateway, "rpc/" + procedure.fqn().value()))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(JitarHeaders.PROCEDURE_VERSION, procedure.version().toString())
                .POST(HttpRequest.BodyPublishers.ofString(procedure.body(arguments, jsonb)));
        return trustKey == null ? builder.build() : builder.header(JitarHeaders.TRUST_KEY, trustKey).build();
    }

    private Object decode(RemoteProcedure procedure, HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            throw RemoteErrors.toException(response.statusCode(), response.body(), jsonb, procedure.loader());
        }
        String type = response.headers().firstValue(JitarHeaders.CONTENT_TYPE).orElse("application/json");
        return procedure.result(type, response.body(), jsonb);
    }

    private GatewayUnavailableException unavailable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new GatewayUnavailableException("Gateway " + gateway + " unreachable: " + cause, cause);
    }
}
