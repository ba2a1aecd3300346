package io.jitar.proxy;

import io.jitar.core.protocol.IdempotentProcedures;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.proxy.routing.ProxyRoutes;
import io.jitar.proxy.routing.Route;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.jetty.client.Response;

/**
 * Which request a gateway did not answer may go to the next gateway (several gateways sharing one
 * registry): one the gateway never got (a refused connection) always; one that broke off after it
 * was sent only for a procedure the gateways said is idempotent, or a read-only cluster view; a
 * request to a single worker never. What the gateways say is learned from their answers
 * ({@link JitarHeaders#IDEMPOTENT}). Thread-safe; one per deployment.
 */
final class GatewayFailover {

    private final ProxyRoutes routes;
    private final IdempotentProcedures idempotent = new IdempotentProcedures();

    GatewayFailover(ProxyRoutes routes) {
        this.routes = routes;
    }

    /** The route for a request after {@code tries} gateways did not answer it, if another gateway is left. */
    Optional<Route> next(Route refused, int tries) {
        return tries >= routes.gatewayCount() ? Optional.empty() : routes.failover(refused);
    }

    /** Whether {@code request}, broken off at {@code route}'s gateway after it was sent, may run again elsewhere. */
    boolean mayRunAgain(Route route, HttpServletRequest request) {
        if (!route.upstream().isGateway()) {
            return false;
        }
        String procedure = procedureOf(request);
        return procedure == null || idempotent.isIdempotent(procedure);
    }

    /** Learns from a gateway's answer whether the procedure may run twice; the gateway's own 5xx errors say nothing. */
    void answered(Route route, HttpServletRequest request, Response answer) {
        if (!route.upstream().isGateway() || answer.getStatus() >= 500) {
            return;
        }
        boolean said = "true".equals(answer.getHeaders().get(JitarHeaders.IDEMPOTENT));
        // Only then is the name needed: to learn it, or to take it back from a set that holds any.
        String procedure = said || idempotent.knowsAny() ? procedureOf(request) : null;
        if (procedure != null) {
            idempotent.answered(procedure, said);
        }
    }

    /** The procedure an RPC request names (its raw path below {@code /rpc/}), or {@code null} for another route. */
    private static String procedureOf(HttpServletRequest request) {
        String prefix = request.getContextPath() + "/rpc/";
        String uri = request.getRequestURI();
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : null;
    }
}
