package io.jitar.core.metrics;

/** Makes the {@link RemoteCallMeter} of a remote edge of the call graph, by the procedures' names. */
@FunctionalInterface
public interface RemoteCallMeters {

    /** Metrics off. */
    RemoteCallMeters NONE = (caller, callee) -> null;

    /** The meter of calls from {@code caller} (a procedure or a pseudo caller) to {@code callee}; {@code null} for none. */
    RemoteCallMeter of(String caller, String callee);
}
