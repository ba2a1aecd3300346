package io.jitar.benchmarks;

import io.jitar.gateway.cluster.ProcedureBalancer;
import io.jitar.gateway.cluster.RegisteredWorker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the benchmark states, not the figures: a benchmark on a wrongly built registry (workers
 * missing from balancers, names rejected) would measure exceptions or the wrong N. Fast: no JMH run.
 */
class BenchmarkStateTest {

    @Test
    void everyProcedureHasEveryWorker() {
        RegistryState state = registry(10);

        assertThat(state.procedureNames).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(state.registry.workers()).hasSize(10);
        for (String name : state.procedureNames) {
            assertThat(state.registry.balancer(name).size()).isEqualTo(10);
        }
    }

    @Test
    void proceduresWithTheSameWorkersShareOneList() {
        RegistryState state = registry(10);

        // PickBenchmark's working set stays small only if the registry keeps one list, not 10,000 copies.
        assertThat(state.registry.balancer(state.procedureNames[0]).workers())
                .isSameAs(state.registry.balancer(state.procedureNames[9_999]).workers());
    }

    @Test
    void pickPathReturnsWorkersRoundRobin() {
        RegistryState state = registry(2);
        ProcedureBalancer balancer = state.registry.balancer(state.procedureNames[9_999]);

        RegisteredWorker first = balancer.candidate(balancer.nextStart(), 0);
        RegisteredWorker second = balancer.candidate(balancer.nextStart(), 0);

        assertThat(first).isNotEqualTo(second);
        assertThat(state.registry.workers()).contains(first, second);
    }

    @Test
    void registerAndRemoveLeavesTheRegistryAsItWas() {
        RegistryState state = registry(3);
        RegistrationBenchmark.NewWorker newWorker = new RegistrationBenchmark.NewWorker();
        newWorker.procedures = 1_000;
        newWorker.setUp();

        RegisteredWorker added = new RegistrationBenchmark().registerAndRemove(state, newWorker);

        assertThat(added.procedureNames()).hasSize(1_000).isSubsetOf(state.procedureNames);
        assertThat(state.registry.find(added.id())).isEmpty();
        assertThat(state.registry.workers()).hasSize(3);
        assertThat(state.registry.balancer(state.procedureNames[0]).size()).isEqualTo(3);
        // The joining worker's procedures share one list with the others again once it has left,
        // so repeated invocations keep PickBenchmark's working set as small as a fresh registry's.
        assertThat(state.registry.balancer(state.procedureNames[0]).workers())
                .isSameAs(state.registry.balancer(state.procedureNames[9_999]).workers());
    }

    private static RegistryState registry(int workers) {
        RegistryState state = new RegistryState();
        state.workers = workers;
        state.setUp();
        return state;
    }
}
