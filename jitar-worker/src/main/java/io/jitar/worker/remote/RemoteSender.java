package io.jitar.worker.remote;

import io.jitar.core.trace.TraceHeaders;
import io.jitar.tracing.TraceContext;
import io.jitar.core.http.ForwardingFailure;
import io.jitar.core.protocol.IdempotentProcedures;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.remote.RemoteCallException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Sends one remote call: directly to a callee worker when {@link DirectRoutes} knows one, else
 * through the gateway. Failover follows the gateway's rules: a callee that refused the connection
 * never saw the call, so it is marked down and the next one is tried; after the call was sent it
 * goes to another callee only for an idempotent procedure; once no callee is left, the call goes
 * through the gateway (which then decides, as for any call). Nothing is looked up per call but the
 * procedure's targets; bodies are buffered (remote answers are values, not streams).
 */
final class RemoteSender {

    static final Duration DOWN_TIME = Duration.ofSeconds(2);
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final String JSON = "application/json";

    private final HttpClient client;
    private final Gateways gateways;
    /** One target per gateway, in the order of {@link Gateways#all()}: prepared, so no call builds one. */
    private final Map<URI, DirectRoutes.Target> gatewayTargets;
    private final String trustKey;
    private final DirectRoutes routes;
    private final Duration timeout;
    private final IdempotentProcedures idempotent = new IdempotentProcedures();

    /** @param routes {@code null} to send every call through the gateway ({@code jitar.worker.remote-calls=gateway}) */
    RemoteSender(HttpClient client, Gateways gateways, String trustKey, DirectRoutes routes, Duration timeout) {
        this.client = client;
        this.gateways = gateways;
        this.gatewayTargets = gateways.all().stream()
                .collect(Collectors.toUnmodifiableMap(url -> url, url -> DirectRoutes.Target.of(url, false)));
        this.trustKey = trustKey;
        this.routes = routes;
        this.timeout = timeout;
    }

    /** Whether a call of {@code fqn} starts at a callee worker (it may still end at the gateway). */
    boolean knowsDirect(String fqn) {
        DirectRoutes.Target[] targets = routes == null ? null : routes.targets(fqn);
        return targets != null && targets.length > 0;
    }

    /** Sends a call of {@code fqn} made by procedure {@code caller} (or {@code null} when none runs). */
    CompletableFuture<RemoteAnswer> send(String fqn, String version, String body, String caller) {
        Call call = new Call(fqn, version, body.getBytes(StandardCharsets.UTF_8), caller, TraceContext.current().orElse(null));
        DirectRoutes.Target[] targets = routes == null ? null : routes.targets(fqn);
        if (targets == null || targets.length == 0) {
            return viaGateway(call);
        }
        return direct(call, targets, routes.nextStart(fqn), 0);
    }

    /** What is sent, whichever callee it goes to. */
    private record Call(String fqn, String version, byte[] body, String caller, TraceContext trace) {
    }

    private CompletableFuture<RemoteAnswer> direct(Call call, DirectRoutes.Target[] targets, int start, int tried) {
        String fqn = call.fqn();
        int index = tried;
        while (index < targets.length && routes.isDown(targets[(start + index) % targets.length].url())) {
            index++;
        }
        if (index >= targets.length) {
            return viaGateway(call); // no callee left that could have run it
        }
        DirectRoutes.Target target = targets[(start + index) % targets.length];
        int next = index + 1;
        return exchange(target, call, false).handle((answer, error) -> {
            ForwardingFailure failure = error == null ? null : ForwardingFailure.of(error);
            if (failure != ForwardingFailure.NOT_CONNECTED) {
                routes.countSent(target);
            }
            if (error == null) {
                return CompletableFuture.completedFuture(answer);
            }
            return switch (failure) {
                case NOT_CONNECTED -> {
                    routes.markDown(target.url(), DOWN_TIME);
                    yield direct(call, targets, start, next);
                }
                case BROKEN_AFTER_SENDING -> target.idempotent() ? direct(call, targets, start, next)
                        : CompletableFuture.<RemoteAnswer>failedFuture(new RemoteCallException(502, "A worker failed before "
                        + "answering procedure '" + fqn + "'; not retried elsewhere: it is not idempotent", null));
                case TIMED_OUT -> CompletableFuture.<RemoteAnswer>failedFuture(new RemoteCallException(504, "A worker did "
                        + "not answer procedure '" + fqn + "' within " + timeout.toSeconds() + "s", null));
                case UNEXPECTED -> CompletableFuture.<RemoteAnswer>failedFuture(error);
            };
        }).thenCompose(answer -> answer);
    }

    private CompletableFuture<RemoteAnswer> viaGateway(Call call) {
        return viaGateway(call, gateways.current(), 1);
    }

    /**
     * A gateway that refused the connection never saw the call: the next gateway gets it, until each
     * was tried. One that broke off after the call was sent hands it on only for a procedure the
     * gateways said is idempotent (their answers' {@code X-Jitar-Idempotent}).
     */
    private CompletableFuture<RemoteAnswer> viaGateway(Call call, URI gateway, int tried) {
        return exchange(gatewayTargets.get(gateway), call, true).exceptionallyCompose(error -> {
            ForwardingFailure failure = ForwardingFailure.of(error);
            if (tried < gateways.size() && (failure == ForwardingFailure.NOT_CONNECTED
                    || failure == ForwardingFailure.BROKEN_AFTER_SENDING && idempotent.isIdempotent(call.fqn()))) {
                return viaGateway(call, gateways.failed(gateway), tried + 1);
            }
            return CompletableFuture.failedFuture(
                    new GatewayUnavailableException("Gateway " + gateway + " unreachable: " + error, error));
        });
    }

    /** What a gateway's answer said of the procedure; the gateway's own 5xx errors say nothing. */
    private void learn(String fqn, String idempotentHeader) {
        boolean said = "true".equals(idempotentHeader);
        if (said || idempotent.knowsAny()) {
            idempotent.answered(fqn, said);
        }
    }

    /** @param viaGateway whether {@code target} is a gateway (else a callee worker) */
    private CompletableFuture<RemoteAnswer> exchange(DirectRoutes.Target target, Call call, boolean viaGateway) {
        byte[] bytes = call.body();
        Request request = client.newRequest(target.host(), target.port()).scheme(target.scheme())
                .path(target.rpcPath() + call.fqn()).method(HttpMethod.POST).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> {
                    headers.put(JitarHeaders.PROCEDURE_VERSION, call.version());
                    if (trustKey != null) {
                        headers.put(JitarHeaders.TRUST_KEY, trustKey);
                    }
                    if (call.caller() != null) {
                        headers.put(JitarHeaders.CALLER, call.caller());
                    }
                    if (call.trace() != null) {
                        headers.put(TraceHeaders.TRACEPARENT, call.trace().traceparent());
                        if (call.trace().traceState() != null) {
                            headers.put(TraceHeaders.TRACESTATE, call.trace().traceState());
                        }
                    }
                })
                .body(new BytesRequestContent(JSON, bytes));
        CompletableFuture<RemoteAnswer> answer = new CompletableFuture<>();
        // Whether the call may have been written is known from the begin event, as in the gateway.
        AtomicBoolean begun = new AtomicBoolean();
        request.onRequestBegin(started -> begun.set(true)).send(new BufferingResponseListener(MAX_ANSWER_BYTES) {
            @Override
            public void onComplete(Result result) {
                if (result.isFailed()) {
                    answer.completeExceptionally(ForwardingFailure.ofClientCall(result.getFailure(), begun.get()));
                } else {
                    byte[] content = getContent();
                    if (viaGateway && result.getResponse().getStatus() < 500) {
                        learn(call.fqn(), result.getResponse().getHeaders().get(JitarHeaders.IDEMPOTENT));
                    }
                    answer.complete(new RemoteAnswer(result.getResponse().getStatus(),
                            result.getResponse().getHeaders().get(JitarHeaders.CONTENT_TYPE),
                            new String(content, StandardCharsets.UTF_8), bytes.length, content.length, viaGateway));
                }
            }
        });
        return answer;
    }
}
