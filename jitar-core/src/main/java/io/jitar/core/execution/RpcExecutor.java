package io.jitar.core.execution;

import io.jitar.core.metrics.ProcedureMeter;
import io.jitar.core.metrics.ProcedureMeters;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.core.binding.ArgumentConverter;
import io.jitar.core.procedure.AccessLevel;
import io.jitar.core.procedure.Implementation;
import io.jitar.core.procedure.ProcedureRegistry;
import io.jitar.core.protocol.ErrorMapping;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.TrustKey;
import io.jitar.errors.JitarException;
import io.jitar.errors.NotFoundException;
import io.jitar.errors.UnauthorizedException;
import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs one RPC: finds the implementation for the requested version, enforces its access level,
 * passes the request through the middleware chain and finally binds the arguments and invokes it.
 *
 * <p>Exceptions never escape: the returned stage always completes with a {@link Response}, whose
 * result is the exception when the call failed. JVM {@link Error}s other than a stack overflow
 * are rethrown, because the process is then in no state to answer anyway. Immutable and
 * thread-safe; everything costly was prepared when the registry was built.
 */
public final class RpcExecutor {

    private static final Logger LOG = Logger.getLogger(RpcExecutor.class.getName());

    private final ProcedureRegistry registry;
    private final List<Middleware> middlewares;
    private final ArgumentConverter converter;
    private final TrustKey trustKey;
    private final ProcedureMeters meters;

    public RpcExecutor(ProcedureRegistry registry, List<Middleware> middlewares, ArgumentConverter converter,
                       TrustKey trustKey) {
        this(registry, middlewares, converter, trustKey, ProcedureMeters.NONE);
    }

    /** @param meters the metrics of each implementation's calls (a call of an unknown name is never metered) */
    public RpcExecutor(ProcedureRegistry registry, List<Middleware> middlewares, ArgumentConverter converter,
                       TrustKey trustKey, ProcedureMeters meters) {
        this.registry = registry;
        this.middlewares = List.copyOf(middlewares);
        this.converter = converter;
        this.trustKey = trustKey;
        this.meters = meters;
    }

    public ProcedureRegistry registry() {
        return registry;
    }

    public CompletionStage<Response> run(Request request, RunMode mode) {
        Implementation implementation;
        try {
            implementation = resolve(request);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        ProcedureMeter meter = mode == RunMode.DRY ? null : meters.of(implementation);
        if (meter == null) {
            return next(request, implementation, mode, 0);
        }
        // Metered from here: binding errors and middleware refusals are calls of this procedure too.
        meter.started();
        long start = System.nanoTime();
        return next(request, implementation, mode, 0).whenComplete((response, error) ->
                meter.finished(System.nanoTime() - start, response == null ? 500 : response.status()));
    }

    private Implementation resolve(Request request) {
        Implementation implementation = registry.get(request.fqn()).select(request.version());
        if (implementation.access() == AccessLevel.PRIVATE) {
            // Answer exactly as for an unknown procedure: a private one must not be discoverable.
            throw new NotFoundException("Procedure '" + request.fqn() + "' not found");
        }
        if (implementation.access() == AccessLevel.PROTECTED && !trustKey.matches(request.getHeader(JitarHeaders.TRUST_KEY))) {
            throw new UnauthorizedException("Procedure '" + request.fqn() + "' requires a valid trust key");
        }
        return implementation;
    }

    private CompletionStage<Response> next(Request request, Implementation implementation, RunMode mode, int index) {
        if (index == middlewares.size()) {
            return execute(request, implementation, mode);
        }
        NextHandler rest = () -> next(request, implementation, mode, index + 1);
        try {
            CompletionStage<Response> stage = middlewares.get(index).handle(request, rest);
            return stage.exceptionally(RpcExecutor::failure);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    private CompletionStage<Response> execute(Request request, Implementation implementation, RunMode mode) {
        Object result;
        try {
            Object[] arguments = implementation.bindingPlan().bind(request.arguments(), converter);
            if (mode == RunMode.DRY) {
                return CompletableFuture.completedFuture(new Response(200, null));
            }
            result = implementation.invoker().invoke(arguments);
        } catch (Throwable e) {
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
            return CompletableFuture.completedFuture(failure(e));
        }
        if (result instanceof CompletionStage<?> stage) {
            return stage.handle((value, error) -> error == null ? new Response(200, value) : failure(error));
        }
        return CompletableFuture.completedFuture(new Response(200, result));
    }

    private static Response failure(Throwable error) {
        Throwable cause = ErrorMapping.unwrap(error);
        if (!(cause instanceof JitarException)) {
            // The caller gets no details (see ErrorMapping), so the operator must get them here.
            LOG.log(Level.WARNING, "Procedure failed with an unexpected exception", cause);
        }
        return new Response(ErrorMapping.statusOf(cause), cause);
    }
}
