package io.jitar.core.execution;

/** {@link #NORMAL} runs the procedure; {@link #DRY} only validates its arguments (HTTP OPTIONS). */
public enum RunMode {
    NORMAL, DRY
}
