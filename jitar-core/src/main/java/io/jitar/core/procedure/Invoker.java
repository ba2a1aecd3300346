package io.jitar.core.procedure;

/**
 * Runs one procedure implementation with arguments already bound and converted. Prepared once at
 * start (for example a spread {@code MethodHandle} bound to a bean), so a call does no lookup.
 */
@FunctionalInterface
public interface Invoker {

    /** Returns the procedure's result: a value, {@code null}, or a {@code CompletionStage}. */
    Object invoke(Object[] arguments) throws Throwable;
}
