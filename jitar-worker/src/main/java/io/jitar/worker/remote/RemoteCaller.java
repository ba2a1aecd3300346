package io.jitar.worker.remote;

import io.jitar.core.insight.CallCounters;
import io.jitar.core.protocol.ErrorMapping;
import io.jitar.core.remote.RemoteErrors;
import io.jitar.core.remote.RemoteProcedure;
import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.config.WorkerSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Calls procedures of other segments, with this worker's trust key: directly at a callee worker
 * when the gateway's routes name one ({@link RemoteRoutes}), else through the gateway, over the
 * worker's one HTTP client ({@link WorkerHttp}) with one JSON-B. Procedures returning
 * {@code CompletionStage} never block a thread; the others wait for the answer. Blocking calls
 * that start on the gateway path pass the {@link GatewayBreaker}; direct calls do not.
 */
@ApplicationScoped
public class RemoteCaller {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    WorkerSettings settings;
    @Inject
    @WorkerJson
    Jsonb jsonb;
    @Inject
    WorkerHttp http;
    @Inject
    RemoteRoutes routes;
    @Inject
    GatewayBreaker breaker;
    @Inject
    Gateways gateways;

    private RemoteSender sender;

    @PostConstruct
    void open() {
        sender = new RemoteSender(http.client(), gateways, settings.trustKey().value(),
                routes.direct().orElse(null), CALL_TIMEOUT);
    }

    /**
     * Finds the caller when the first remote call is made. Through {@code CDI.current()} from this
     * class, because the extension's BeanManager cannot see beans of this jar (Weld archive
     * visibility in a WAR), and this class lives in exactly one bean archive.
     */
    public static Supplier<RemoteCaller> lookup() {
        return () -> CDI.current().select(RemoteCaller.class).get();
    }

    /**
     * A blocking call; remote exceptions are rethrown with their original type when it is known
     * here. {@code edge} counts the call in the call graph: time, outcome, bytes and path;
     * {@code caller} is the procedure making it, or {@code null}.
     */
    public Object call(RemoteProcedure procedure, Object[] arguments, CallCounters edge, String caller) {
        RemoteOutcome outcome = new RemoteOutcome(edge, !sender.knowsDirect(procedure.fqn().value()));
        try {
            Object result = outcome.startedViaGateway() ? throughBreaker(procedure, arguments, outcome, caller)
                    : await(procedure, arguments, outcome, caller);
            outcome.finished(200);
            return result;
        } catch (RuntimeException e) {
            outcome.finished(ErrorMapping.statusOf(e));
            throw e;
        }
    }

    private Object throughBreaker(RemoteProcedure procedure, Object[] arguments, RemoteOutcome outcome, String caller) {
        try {
            return breaker.call(() -> await(procedure, arguments, outcome, caller));
        } catch (CircuitBreakerOpenException e) {
            // Not a failure of the procedure: the caller may try again, so 503 like an unreachable gateway.
            throw new GatewayUnavailableException("Gateway unreachable: calls to procedure '" + procedure.fqn()
                    + "' are paused for 2 s after repeated failures", e);
        }
    }

    private Object await(RemoteProcedure procedure, Object[] arguments, RemoteOutcome outcome, String caller) {
        try {
            return decode(procedure, send(procedure, arguments, caller).get(), outcome);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("Interrupted while calling procedure '" + procedure.fqn() + "'", e);
        }
    }

    /** A non-blocking call for procedures returning {@code CompletionStage}; counted on {@code edge} when it completes. */
    public CompletionStage<Object> callAsync(RemoteProcedure procedure, Object[] arguments, CallCounters edge, String caller) {
        RemoteOutcome outcome = new RemoteOutcome(edge, !sender.knowsDirect(procedure.fqn().value()));
        return send(procedure, arguments, caller).thenApply(answer -> decode(procedure, answer, outcome)).whenComplete((value, error) ->
                outcome.finished(error == null ? 200 : ErrorMapping.statusOf(error)));
    }

    private CompletableFuture<RemoteAnswer> send(RemoteProcedure procedure, Object[] arguments, String caller) {
        return sender.send(procedure.fqn().value(), procedure.version().toString(), procedure.body(arguments, jsonb), caller);
    }

    private Object decode(RemoteProcedure procedure, RemoteAnswer answer, RemoteOutcome outcome) {
        outcome.answered(answer);
        if (answer.status() >= 400) {
            throw RemoteErrors.toException(answer.status(), answer.body(), jsonb, procedure.loader());
        }
        String type = answer.jitarContentType() == null ? "application/json" : answer.jitarContentType();
        return procedure.result(type, answer.body(), jsonb);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof RuntimeException runtime ? runtime
                : new GatewayUnavailableException("Remote call failed: " + cause, cause);
    }
}
