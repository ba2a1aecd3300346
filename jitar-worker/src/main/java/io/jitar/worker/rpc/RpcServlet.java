package io.jitar.worker.rpc;

import io.jitar.core.execution.RunMode;
import io.jitar.core.insight.CallGraph;
import io.jitar.core.protocol.EncodedResponse;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import io.jitar.tracing.TraceContext;
import io.jitar.worker.WorkerRuntime;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.trace.CallTrace;
import io.jitar.worker.trace.CallTraces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET|HEAD|POST|OPTIONS /rpc/{fqn}}: runs a procedure (OPTIONS only validates the
 * arguments; HEAD runs it as GET and leaves the body out). Asynchronous end to end: a procedure
 * returning a {@code CompletionStage} frees the request thread until it completes.
 *
 * <p>A plain servlet rather than a JAX-RS resource because every remote call ends here: in one
 * Payara Micro, a bare servlet answered a call for 28–37 µs of CPU against 69–82 µs for the same
 * call through Jersey (README, "The cost of a split"). What JAX-RS did for it is kept:
 * query decoding ({@link QueryParameters}), HEAD, the 405 with {@code Allow}, and the server span
 * of MicroProfile Telemetry ({@link CallTraces}).
 */
@WebServlet(name = "jitar-worker-rpc", urlPatterns = RpcServlet.PATH + "/*", asyncSupported = true, loadOnStartup = 1)
public class RpcServlet extends HttpServlet {

    static final String PATH = "/rpc";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RpcServlet.class.getName());

    @Inject
    transient WorkerRuntime runtime;
    @Inject
    transient WorkerSettings settings;
    @Inject
    transient InFlightRequests inFlight;
    @Inject
    transient CallGraph graph;
    @Inject
    transient CallTraces traces;

    private transient RpcRequests requests;
    private transient String workerName;

    @Override
    public void init() throws ServletException {
        requests = new RpcRequests(Json.createReaderFactory(Map.of()), settings.maxBodySize());
        workerName = settings.name().orElse(null);
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        try {
            switch (http.getMethod()) {
                case "GET" -> run(http, response, RunMode.NORMAL, false, false);
                case "HEAD" -> run(http, response, RunMode.NORMAL, false, true);
                case "POST" -> run(http, response, RunMode.NORMAL, true, false);
                case "OPTIONS" -> run(http, response, RunMode.DRY, true, false);
                default -> RpcResponses.notAllowed(response);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "RPC request failed", e);
            RpcResponses.internal(response);
        }
    }

    private void run(HttpServletRequest http, HttpServletResponse response, RunMode mode, boolean withBody, boolean head)
            throws IOException {
        Request request;
        try {
            request = parse(http, mode, withBody);
        } catch (RuntimeException e) {
            RpcResponses.write(response, runtime.encoder().error(e), null, head);
            return;
        }
        inFlight.started();
        CallTrace trace = traces.open(http::getHeader, http.getMethod(), request.fqn());
        CompletionStage<Response> result;
        // The call graph counts a call made by a procedure in another process apart from clients' calls.
        int previousRpc = graph.markRpc(request.getHeader(JitarHeaders.CALLER) != null);
        // Remote calls the procedure makes on this thread carry the call's trace on.
        TraceContext previousTrace = TraceContext.enter(trace.context());
        try (CallTrace.Entered entered = trace.enter()) {
            result = runtime.executor().run(request, mode);
        } catch (RuntimeException | Error e) {
            inFlight.finished();
            trace.end(500);
            throw e;
        } finally {
            graph.restore(previousRpc);
            TraceContext.restore(previousTrace);
        }
        if (result instanceof CompletableFuture<Response> done && done.isDone() && !done.isCompletedExceptionally()) {
            answer(response, done.join(), null, trace, head);
            return;
        }
        AsyncContext async = http.startAsync();
        async.setTimeout(0); // a procedure's own time limits end it, as they did under JAX-RS
        result.whenComplete((answered, error) -> {
            try {
                answer(response, error == null ? answered : null, error, trace, head);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not write an answer; the caller went away", e);
            } finally {
                async.complete();
            }
        });
    }

    private Request parse(HttpServletRequest http, RunMode mode, boolean withBody) {
        String fqn = RpcRequests.fqn(http);
        Map<String, Object> arguments = withBody ? requests.bodyArguments(http) : RpcRequests.queryArguments(http.getQueryString());
        if (mode == RunMode.DRY && arguments.isEmpty()) {
            arguments = RpcRequests.queryArguments(http.getQueryString()); // a dry run may take the query
        }
        return RpcRequests.request(fqn, http, arguments);
    }

    /** Ends the call: the procedure's answer, or a 500 when running or encoding it failed outside the procedure. */
    private void answer(HttpServletResponse response, Response answered, Throwable failed, CallTrace trace, boolean head)
            throws IOException {
        try {
            EncodedResponse encoded = null;
            Throwable failure = failed;
            if (failure == null) {
                try {
                    encoded = runtime.encoder().encode(answered);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            trace.end(encoded == null ? 500 : encoded.status());
            if (encoded == null) {
                LOG.log(Level.WARNING, "RPC request failed", failure);
                RpcResponses.internal(response);
            } else {
                RpcResponses.write(response, encoded, workerName, head);
            }
        } finally {
            inFlight.finished();
        }
    }
}
