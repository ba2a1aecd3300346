package io.jitar.benchmarks;

import io.jitar.Version;
import io.jitar.core.binding.BindingPlan;
import io.jitar.core.insight.CallGraph;
import io.jitar.core.procedure.AccessLevel;
import io.jitar.core.procedure.Fqn;
import io.jitar.core.segment.ProcedureDeclaration;
import io.jitar.worker.extension.LocalProxy;
import io.jitar.worker.extension.ModuleProcedure;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording an in-process call between procedures costs: the same interface call made
 * directly on the bean ({@code direct}), through a {@code java.lang.reflect.Proxy} that only
 * forwards ({@code forwardingProxy}, the floor of any proxy), and through the worker's
 * {@link LocalProxy}, which counts it in the {@link CallGraph} ({@code localProxy}). Target of the
 * insights issue: recording costs at most 100 ns per call. {@code localProxy2Threads} records one
 * hot edge from two threads at once (the LongAdders' contended case).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallGraphBenchmark {

    /** A procedure module, as an application declares one. */
    public interface Notes {
        String get(long id);
    }

    public static final class NotesBean implements Notes {
        @Override
        public String get(long id) {
            return id == 42 ? "answer" : "note";
        }
    }

    private Notes bean;
    private Notes forwarding;
    private Notes recorded;
    private CallGraph graph;
    private long id = 41;

    @Setup
    public void setUp() throws NoSuchMethodException {
        bean = new NotesBean();
        graph = CallGraph.of(List.of("crunch/fingerprint", "notes/get"), Set.of("crunch/fingerprint", "notes/get"));
        Method get = Notes.class.getMethod("get", long.class);
        ProcedureDeclaration declaration = new ProcedureDeclaration("data", "data.json", Notes.class.getName(), "get",
                AccessLevel.PUBLIC, Version.parse("0.0.0"), "get", true);
        ModuleProcedure procedure = new ModuleProcedure(declaration, Notes.class, get, new Fqn("notes/get"), BindingPlan.of(get));
        recorded = (Notes) LocalProxy.create(Notes.class, List.of(procedure), bean, graph);
        forwarding = (Notes) Proxy.newProxyInstance(Notes.class.getClassLoader(), new Class<?>[] {Notes.class},
                (proxy, method, arguments) -> get.invoke(bean, arguments));
    }

    @Benchmark
    public String direct() {
        return bean.get(id);
    }

    @Benchmark
    public String forwardingProxy() {
        return forwarding.get(id);
    }

    @Benchmark
    public String localProxy() {
        return recorded.get(id);
    }

    @Benchmark
    @Threads(2)
    public String localProxy2Threads() {
        return recorded.get(id);
    }
}
