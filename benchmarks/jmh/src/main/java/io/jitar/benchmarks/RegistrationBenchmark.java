package io.jitar.benchmarks;

import io.jitar.gateway.cluster.RegisteredWorker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One more worker with P procedures joins a registry that already holds N workers, and leaves
 * again: what a scale-out, a rolling restart or a worker's shutdown costs the gateway.
 *
 * <p>Register and remove form one operation so that every invocation starts from the same
 * registry (N workers); registering alone would grow it, or replace the same URL, from op to op.
 * The requirement is that the cost is linear in P: compare the rows of one N across P.
 *
 * <p>The new worker offers the first P of the registry's procedures, so it joins existing
 * balancers as a new replica of part of the application does; new names would measure creating
 * balancers instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RegistrationBenchmark {

    /** The worker that comes and goes; built once per trial so the op does not measure building its set. */
    @State(Scope.Benchmark)
    public static class NewWorker {

        @Param({"100", "1000", "10000"})
        public int procedures;

        /** A port none of the N registered workers uses, so registering never replaces one of them. */
        final URI url = URI.create("http://127.0.0.1:19999/");

        Set<String> procedureNames;

        @Setup(Level.Trial)
        public void setUp() {
            procedureNames = Procedures.nameSet(procedures);
        }
    }

    @Benchmark
    public RegisteredWorker registerAndRemove(RegistryState state, NewWorker newWorker) {
        RegisteredWorker worker = state.registry.register(
                newWorker.url, newWorker.procedureNames, Set.of(), "new-worker", Set.of("shop"));
        state.registry.remove(worker.id());
        // Returned, so JMH consumes it and the JIT cannot drop the registration.
        return worker;
    }
}
