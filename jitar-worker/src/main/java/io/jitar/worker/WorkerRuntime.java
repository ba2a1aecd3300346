package io.jitar.worker;

import io.jitar.worker.config.WorkerJson;
import io.jitar.core.binding.ArgumentConverter;
import io.jitar.core.execution.RpcExecutor;
import io.jitar.core.procedure.Implementation;
import io.jitar.core.procedure.Invoker;
import io.jitar.core.procedure.ProcedureRegistry;
import io.jitar.core.protocol.ResultEncoder;
import io.jitar.middleware.Middleware;
import io.jitar.worker.extension.ApplicationModel;
import io.jitar.worker.extension.JitarExtension;
import io.jitar.worker.extension.LocalProxy;
import io.jitar.core.insight.CallGraph;
import io.jitar.worker.extension.ModuleProcedure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import io.jitar.worker.metrics.WorkerMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * The worker's running state, built once at start: the procedure registry with a prepared
 * invoker (a spread {@code MethodHandle} bound to the CDI bean, counted in the call graph) and binding plan per procedure,
 * the middleware chain, and the encoder on the worker's one {@link Jsonb}.
 */
@ApplicationScoped
public class WorkerRuntime {

    private static final Logger LOG = Logger.getLogger(WorkerRuntime.class.getName());

    @Inject
    JitarExtension extension;
    @Inject
    BeanManager beanManager;
    @Inject
    @WorkerJson
    Jsonb jsonb;
    @Inject
    WorkerMetrics metrics;

    private RpcExecutor executor;
    private ResultEncoder encoder;

    /** Builds the runtime as soon as the application starts rather than on the first call. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        executor.registry();
    }

    @PostConstruct
    void build() {
        ApplicationModel model = extension.model();
        ProcedureRegistry.Builder registry = ProcedureRegistry.builder();
        List<Implementation> implementations = new ArrayList<>();
        for (ModuleProcedure procedure : model.localProcedures()) {
            Implementation implementation = implementation(procedure);
            implementations.add(implementation);
            registry.add(implementation, procedure.origin());
        }
        List<Middleware> middlewares = middlewares();
        executor = new RpcExecutor(registry.build(), middlewares, new ArgumentConverter(jsonb), extension.settings().trustKey(),
                metrics.procedureMeters(implementations));
        extension.graph().remoteMeters(metrics.remoteCallMeters());
        encoder = new ResultEncoder(jsonb);
        LOG.info(() -> "Jitar worker runs segments " + model.runningSegments() + " with "
                + model.localProcedures().size() + " procedures and " + middlewares.size() + " middleware");
    }

    private Implementation implementation(ModuleProcedure procedure) {
        var declaration = procedure.declaration();
        return new Implementation(procedure.fqn(), declaration.version(), declaration.access(), declaration.idempotent(),
                procedure.bindingPlan(), invoker(procedure));
    }

    /**
     * The bean's method as a prepared handle, counted in the call graph as a call that came in over
     * RPC. The module type was taken off the bean (a {@code LocalProxy} answers it), so the
     * reference is asked by the bean's class.
     */
    private Invoker invoker(ModuleProcedure procedure) {
        Bean<?> bean = extension.implementation(procedure.moduleInterface());
        Object reference = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
        Invoker invoker = LocalProxy.invoker(procedure.method(), reference);
        CallGraph graph = extension.graph();
        int id = graph.id(procedure.fqn().value());
        return arguments -> graph.invoke(id, true, invoker, arguments);
    }

    private List<Middleware> middlewares() {
        return extension.middlewares().stream()
                .sorted(Comparator.comparingInt(WorkerRuntime::priority).thenComparing(bean -> bean.getBeanClass().getName()))
                .map(bean -> (Middleware) beanManager.getReference(bean, Middleware.class, beanManager.createCreationalContext(bean)))
                .toList();
    }

    private static int priority(Bean<?> bean) {
        Priority priority = bean.getBeanClass().getAnnotation(Priority.class);
        return priority == null ? Integer.MAX_VALUE : priority.value();
    }

    public RpcExecutor executor() {
        return executor;
    }

    public ResultEncoder encoder() {
        return encoder;
    }
}
