package io.jitar.core.metrics;

import io.jitar.core.procedure.Implementation;

/**
 * Where the RPC executor finds the {@link ProcedureMeter} of the implementation it runs. The
 * container-free core knows no metrics library; the worker answers with MicroProfile Metrics.
 */
@FunctionalInterface
public interface ProcedureMeters {

    /** Metrics off: the executor records nothing and adds no stage to a call. */
    ProcedureMeters NONE = implementation -> null;

    /** The meter of {@code implementation}, or {@code null} to record nothing for it. */
    ProcedureMeter of(Implementation implementation);
}
