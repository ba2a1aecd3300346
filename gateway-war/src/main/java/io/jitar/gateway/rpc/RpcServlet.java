package io.jitar.gateway.rpc;

import io.jitar.core.protocol.JitarHeaders;

import io.jitar.core.trace.TraceHeaders;
import io.jitar.tracing.TraceContext;
import io.jitar.gateway.cluster.ForwardedCall;
import io.jitar.core.http.HopByHopHeaders;
import io.jitar.gateway.cluster.WorkerAnswer;
import io.jitar.gateway.http.RequestBodies;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET|POST|OPTIONS /rpc/{fqn}}: forwards the request to a worker of the procedure and
 * returns the worker's answer unchanged (status, end-to-end headers, body bytes). Arguments are
 * never parsed here: the worker validates them. Errors of the gateway itself (unknown procedure
 * 404, no worker 503, failed worker 502, timeout 504, bad name 400, body too large 413, other
 * method 405) are JSON error bodies ({@link RpcErrors}).
 *
 * <p>A plain asynchronous servlet rather than a JAX-RS resource, because this is the gateway's hot
 * path and it routes nothing: in a profile of the JAX-RS version, Jersey, HK2 and Weld took about
 * 40% of the gateway's CPU per forwarded call (README, "Performance"). No container thread waits
 * for a worker: the answer is written on the forwarding client's thread.
 */
@WebServlet(name = "jitar-gateway-rpc", urlPatterns = "/rpc/*", asyncSupported = true, loadOnStartup = 1)
public class RpcServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RpcServlet.class.getName());

    @Inject
    transient ForwardingClient forwarding;
    @Inject
    transient GatewaySettings settings;
    @Inject
    transient RpcErrors errors;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!ForwardedCall.METHODS.contains(request.getMethod())) {
            errors.methodNotAllowed(response);
            return;
        }
        ForwardedCall call;
        try {
            call = call(request);
        } catch (RuntimeException e) {
            errors.write(response, e);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the forwarder's request timeout ends every call (504)
        forwarding.forwarder().forward(call).whenComplete((answer, error) -> {
            try {
                if (error == null) {
                    relay(answer, response);
                } else {
                    errors.write(response, error);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "Could not pass an answer on; the caller went away", e);
            } finally {
                async.complete();
            }
        });
    }

    private ForwardedCall call(HttpServletRequest request) {
        String method = request.getMethod();
        String fqn = ProcedureNames.fqn(rawPathBelowRpc(request));
        byte[] body = "GET".equals(method) ? null : RequestBodies.read(request, settings.maxBodySize());
        return new ForwardedCall(fqn, method, request.getQueryString(), headers(request), body);
    }

    /** The worker's answer as it came, minus the headers of the gateway's own connection to it. */
    private static void relay(WorkerAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        // The worker's first value replaces what the container set by default; further ones add.
        HopByHopHeaders.forEachEndToEnd(answer.headers(), (name, value) -> {
            if (seen.add(name)) {
                response.setHeader(name, value);
            } else {
                response.addHeader(name, value);
            }
        });
        if (answer.idempotent()) {
            response.setHeader(JitarHeaders.IDEMPOTENT, "true");
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** The raw (still percent-encoded) path after {@code /rpc/}: decoding is the FQN check's job. */
    private static String rawPathBelowRpc(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + "/rpc/";
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : "";
    }

    /**
     * The client's headers, with its W3C trace context continued when valid, else a new trace
     * started here (the first Jitar hop when no proxy is in front).
     */
    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String traceparent = null;
        String tracestate = null;
        for (String name : Collections.list(request.getHeaderNames())) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (TraceHeaders.TRACEPARENT.equalsIgnoreCase(name)) {
                traceparent = String.join(",", values); // two of them: invalid
            } else if (TraceHeaders.TRACESTATE.equalsIgnoreCase(name)) {
                tracestate = String.join(",", values);
            } else {
                headers.put(name, values);
            }
        }
        TraceContext trace = TraceHeaders.continueOrStart(traceparent, tracestate);
        headers.put(TraceHeaders.TRACEPARENT, List.of(trace.traceparent()));
        if (trace.traceState() != null) {
            headers.put(TraceHeaders.TRACESTATE, List.of(trace.traceState()));
        }
        return headers;
    }
}
