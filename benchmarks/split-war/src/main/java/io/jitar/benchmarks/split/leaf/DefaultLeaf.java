package io.jitar.benchmarks.split.leaf;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DefaultLeaf implements Leaf {

    @Override
    public int echo(int value) {
        return value;
    }
}
