package io.jitar.worker.extension;

import io.jitar.core.insight.CallGraph;
import io.jitar.core.protocol.WireJson;
import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.config.WorkerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;

/**
 * What the extension learned at bootstrap (the settings, the application model) and the
 * runtime's one JSON-B, as beans. The parts of the runtime inject these and never the extension
 * or the runtime itself, which keeps the worker's packages free of cycles. {@code @Singleton}:
 * no client proxy on the hot path, and the types need not be proxyable.
 */
@ApplicationScoped
public class RuntimeProducers {

    @Inject
    JitarExtension extension;

    @Produces
    @Singleton
    WorkerSettings settings() {
        return extension.settings();
    }

    @Produces
    @Singleton
    ApplicationModel model() {
        return extension.model();
    }

    /** Every call between procedures, counted; see {@link CallGraph}. */
    @Produces
    @Singleton
    CallGraph graph() {
        return extension.graph();
    }

    /** The runtime's one JSON-B ({@link WireJson}), also for arguments, results and gateway calls. */
    @Produces
    @Singleton
    @WorkerJson
    Jsonb jsonb() {
        return WireJson.jsonb();
    }
}
