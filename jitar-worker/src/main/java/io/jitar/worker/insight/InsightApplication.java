package io.jitar.worker.insight;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The runtime's own read-only views at {@code /jitar}, apart from the RPC API and the application's resources. */
@ApplicationPath("jitar")
public class InsightApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        // A path under /jitar that is no view answers a JSON 404, not an HTML page.
        return Set.of(InsightResource.class, JsonErrorMapper.class);
    }
}
