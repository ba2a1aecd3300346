package io.jitar.gateway;

import io.jitar.gateway.insight.ClusterInsightsResource;
import io.jitar.gateway.registry.ClusterResource;
import io.jitar.gateway.registry.RoutesResource;
import io.jitar.gateway.registry.WorkersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's JAX-RS API at the WAR's root: {@code /workers}, {@code /workers/routes}, {@code /cluster} and {@code /cluster/insights} ({@code /rpc/*} is the
 * {@link io.jitar.gateway.rpc.RpcServlet}, which takes precedence as the longer mapping). Classes are
 * listed explicitly so that nothing else on the classpath becomes an endpoint or a provider.
 */
@ApplicationPath("/")
public class GatewayApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WorkersResource.class, RoutesResource.class, ClusterResource.class, ClusterInsightsResource.class,
                GatewayExceptionMapper.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        // No WADL: OPTIONS on the registry must not describe the server's internals.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
