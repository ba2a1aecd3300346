package io.jitar.benchmarks.split.entry;

/** The entry procedure of the split-cost benchmark (segment entry). */
public interface Entry {

    /** Calls {@code leaf/echo} {@code times} times and answers the sum of what it answered. */
    long run(int times);
}
