package io.jitar.worker.cluster;

import io.jitar.core.protocol.WorkerLabels;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.extension.ApplicationModel;
import io.jitar.worker.extension.ModuleProcedure;
import java.util.List;
import java.util.logging.Logger;

/** What this worker tells the gateway when it registers. Stateless. */
final class RegistrationBody {

    private static final Logger LOG = Logger.getLogger(RegistrationBody.class.getName());

    private RegistrationBody() {
    }

    /**
     * The worker's URL, the procedures it serves remotely (public and protected), which of them may
     * be retried elsewhere, its trust key, and for the gateway's cluster view its
     * {@code jitar.worker.name} and the segments it runs. A name or segment the gateway would
     * refuse ({@link WorkerLabels}) is left out, so that it never costs the registration;
     * {@link #warnAboutLabels} says so once.
     */
    static WorkerRegistration of(WorkerSettings settings, ApplicationModel model) {
        List<ModuleProcedure> procedures = model.localProcedures().stream()
                .filter(p -> p.declaration().access().isRemotelyCallable()).toList();
        List<String> names = procedures.stream().map(p -> p.fqn().value()).distinct().sorted().toList();
        // A name is retried by the gateway whatever version was asked for: only when every version is idempotent.
        List<String> idempotent = names.stream()
                .filter(name -> procedures.stream().filter(p -> p.fqn().value().equals(name))
                        .allMatch(p -> p.declaration().idempotent()))
                .toList();
        String name = settings.name().filter(WorkerLabels::isValid).orElse(null);
        List<String> segments = model.runningSegments().stream().filter(WorkerLabels::isValid).sorted().toList();
        return new WorkerRegistration(settings.url().orElseThrow().toString(), names, idempotent,
                settings.trustKey().value(), name, segments);
    }

    /** Warns about a name or segment that {@link #of} leaves out. */
    static void warnAboutLabels(WorkerSettings settings, ApplicationModel model) {
        settings.name().filter(name -> !WorkerLabels.isValid(name)).ifPresent(name -> LOG.warning(() ->
                "'" + WorkerSettings.NAME + "' is not shown in the gateway's cluster view: it must be 1 to "
                        + WorkerLabels.MAX_LENGTH + " characters of letters, digits, '_', '.' or '-'"));
        model.runningSegments().stream().filter(segment -> !WorkerLabels.isValid(segment)).sorted()
                .forEach(segment -> LOG.warning(() -> "Segment '" + segment + "' is not shown in the gateway's "
                        + "cluster view: a segment name must be 1 to " + WorkerLabels.MAX_LENGTH
                        + " characters of letters, digits, '_', '.' or '-'"));
    }
}
