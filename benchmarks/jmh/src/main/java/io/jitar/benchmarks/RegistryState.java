package io.jitar.benchmarks;

import io.jitar.gateway.cluster.InMemoryWorkerRegistry;
import io.jitar.gateway.cluster.MonitorSettings;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * A gateway registry holding {@link #workers} workers that each offer all
 * {@value Procedures#REGISTRY_SIZE} procedures.
 *
 * <p>Why every worker registers every procedure: the requirement is about picking among N workers
 * for a procedure, so each balancer must hold all N; spreading the procedures over the workers would
 * leave 1 worker per procedure and hide N. It is also the usual deployment: identical replicas of
 * one application scaled out. The registry then holds N x 10,000 (worker, procedure) pairs, the
 * worst case for registration: every procedure of a new worker has a balancer of N workers to join.
 *
 * <p>Shared by all threads of a benchmark ({@link Scope#Benchmark}) as the gateway shares one registry.
 */
@State(Scope.Benchmark)
public class RegistryState {

    /**
     * A clock that stands still: with a real clock the workers would fall silent after
     * {@link MonitorSettings#DEFAULT_UNAVAILABLE_THRESHOLD} (nobody reports here), and the next
     * republish (in {@link RegistrationBenchmark}) would drop them from every balancer mid-run.
     */
    static final Clock FROZEN = Clock.fixed(Instant.parse("2025-01-01T12:00:00Z"), ZoneOffset.UTC);

    @Param({"1", "10", "100"})
    public int workers;

    /** The registered procedures, in a fixed order: the benchmarks index into it without allocating. */
    String[] procedureNames;

    InMemoryWorkerRegistry registry;

    @Setup(Level.Trial)
    public void setUp() {
        procedureNames = Procedures.names(Procedures.REGISTRY_SIZE);
        registry = new InMemoryWorkerRegistry(FROZEN, MonitorSettings.defaults());
        Set<String> all = Set.of(procedureNames);
        for (int i = 0; i < workers; i++) {
            // Loopback URLs only: nothing is ever sent, but distinct URLs keep registrations apart
            // (the registry replaces a registration with the same URL).
            registry.register(workerUrl(i), all, Set.of(), "worker-" + i, Set.of("shop"));
        }
    }

    static URI workerUrl(int i) {
        return URI.create("http://127.0.0.1:" + (20_000 + i) + "/");
    }
}
