package io.jitar.benchmarks.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /rpc/sayHello?name=x} answering {@code Hello x}: the same request and answer as the
 * hello-world procedure, served by a bare JAX-RS resource. The difference to a Jitar worker is what
 * Jitar itself costs per call (lookup, argument checks, middleware, JSON).
 */
@ApplicationPath("/")
public class FloorApplication extends Application {

    @Path("rpc/sayHello")
    public static class Constant {

        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String sayHello(@QueryParam("name") String name) {
            return "Hello " + name;
        }
    }
}
