package io.jitar.worker.rpc;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The RPC API at {@code /rpc}. It lists its classes explicitly so that it never picks up the
 * application's own JAX-RS resources, and they never pick up its error mapping.
 */
@ApplicationPath("rpc")
public class RpcApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RpcResource.class, RpcExceptionMapper.class);
    }

    /**
     * A {@code Location} set by middleware goes out exactly as set: JAX-RS would otherwise make a
     * relative one absolute with this worker's own address, which a gateway or proxy then hands
     * to clients outside.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
