package io.jitar.benchmarks;

import io.jitar.gateway.cluster.ProcedureBalancer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The gateway's per-request path, exactly as {@code RequestForwarder} takes it:
 * {@code registry.balancer(name)}, {@code nextStart()}, {@code candidate(start, 0)}.
 *
 * <p>Must stay constant-time in the number of workers and allocation-free: it runs on every
 * request. Run with {@code -prof gc} to see {@code gc.alloc.rate.norm} (bytes per pick).
 *
 * <p>The procedure name cycles over all 10,000, as real traffic spreads over procedures; one
 * fixed name would keep a single balancer hot in L1 and measure less than the gateway does.
 * The cursor is a plain int per thread ({@link Scope#Thread}): no allocation, no contention.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PickBenchmark {

    /** A power of two, so the cursor wraps with a mask. */
    static final int CACHED = 64;

    private int next;
    private int nextCached;

    @Benchmark
    public void pick(RegistryState state, Blackhole blackhole) {
        String[] names = state.procedureNames;
        int index = next;
        // A compare instead of a modulo: cheaper, and the array length need not be a power of two.
        next = index + 1 == names.length ? 0 : index + 1;
        ProcedureBalancer balancer = state.registry.balancer(names[index]);
        int start = balancer.nextStart();
        // Consumed, so the JIT cannot drop the pick as dead code.
        blackhole.consume(balancer.candidate(start, 0));
    }

    /**
     * The same path over the first {@value #CACHED} procedures only: their balancers and workers
     * stay in L1/L2, so this shows the cost of the code alone. If {@link #pick} grows with the
     * workers and this does not, the growth is cache misses on a larger working set (N x 10,000
     * worker references), not the algorithm. Several names rather than one: the probe length of a
     * single key in the registry's map depends on a per-JVM random salt and would add noise.
     */
    @Benchmark
    public void pickCachedProcedures(RegistryState state, Blackhole blackhole) {
        int index = nextCached;
        nextCached = (index + 1) & (CACHED - 1);
        ProcedureBalancer balancer = state.registry.balancer(state.procedureNames[index]);
        int start = balancer.nextStart();
        blackhole.consume(balancer.candidate(start, 0));
    }
}
