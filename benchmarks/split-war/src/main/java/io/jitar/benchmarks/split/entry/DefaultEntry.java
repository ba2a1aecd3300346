package io.jitar.benchmarks.split.entry;

import io.jitar.benchmarks.split.leaf.Leaf;
import io.jitar.errors.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code leaf} is the local bean when segment leaf runs here, else a remote proxy: the code is the same. */
@ApplicationScoped
public class DefaultEntry implements Entry {

    static final int MAX_TIMES = 1000;

    @Inject
    Leaf leaf;

    @Override
    public long run(int times) {
        if (times < 0 || times > MAX_TIMES) {
            throw new BadRequestException("'times' must be 0 to " + MAX_TIMES + ", got " + times);
        }
        long sum = 0;
        for (int i = 0; i < times; i++) {
            sum += leaf.echo(i);
        }
        return sum;
    }
}
