package io.jitar.worker.rpc;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
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
}
