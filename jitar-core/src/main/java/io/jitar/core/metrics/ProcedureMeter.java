package io.jitar.core.metrics;

/**
 * The metrics of one implementation (a procedure at one version) as this process serves it over
 * RPC: one is made per implementation at start, so recording a call looks nothing up by name.
 */
public interface ProcedureMeter {

    /** A call of the implementation begins (it is in flight until {@link #finished}). */
    void started();

    /** The call ended after {@code nanos} with HTTP status {@code status} (200 for a success). */
    void finished(long nanos, int status);
}
