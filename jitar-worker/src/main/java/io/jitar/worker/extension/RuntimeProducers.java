package io.jitar.worker.extension;

import io.jitar.worker.config.WorkerJson;
import io.jitar.worker.config.WorkerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the extension learned at bootstrap (the settings, the application model) and the one
 * JSON-B of the worker, as beans. The parts of the runtime inject these and never the extension
 * or the runtime itself, which keeps the worker's packages free of cycles. {@code @Singleton}:
 * no client proxy on the hot path, and the types need not be proxyable.
 */
@ApplicationScoped
public class RuntimeProducers {

    private static final Logger LOG = Logger.getLogger(RuntimeProducers.class.getName());

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

    @Produces
    @Singleton
    @WorkerJson
    Jsonb jsonb() {
        return JsonbBuilder.create();
    }

    void close(@Disposes @WorkerJson Jsonb jsonb) {
        try {
            jsonb.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing JSON-B failed", e);
        }
    }
}
