package io.jitar.benchmarks;

import java.util.Arrays;
import java.util.Set;

/**
 * Procedure names as a real application has them: {@code domain/segment/procedure}, the form
 * {@link io.jitar.gateway.cluster.RegisteredWorker} validates. Generated rather than random, so every
 * run and every fork benchmarks the same names (same hash codes, same map layout).
 */
final class Procedures {

    /** The registry size the issue asks for: 10,000 procedures. */
    static final int REGISTRY_SIZE = 10_000;

    /** 100 procedures per segment, like a large application split into segments. */
    private static final int PER_SEGMENT = 100;

    private Procedures() {
    }

    /** The first {@code count} names, e.g. {@code shop/segment042/procedure04217}; the same prefix for every count. */
    static String[] names(int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = String.format("shop/segment%03d/procedure%05d", i / PER_SEGMENT, i);
        }
        return names;
    }

    /** The first {@code count} names as the set a worker registers. */
    static Set<String> nameSet(int count) {
        return Set.copyOf(Arrays.asList(names(count)));
    }
}
