package io.jitar.benchmarks.split.leaf;

/** The small procedure the entry calls (segment leaf): as little work as a procedure can do. */
public interface Leaf {

    int echo(int value);
}
