package io.jitar.worker.extension;

import io.jitar.worker.remote.RemoteCaller;
import io.jitar.core.insight.CallCounters;
import io.jitar.core.insight.CallGraph;
import io.jitar.core.procedure.AccessLevel;
import io.jitar.core.remote.RemoteProcedure;
import io.jitar.errors.NotFoundException;
import io.jitar.errors.NotImplementedException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code @Inject} hands over for a procedure module whose segment runs elsewhere: calling
 * a method calls the procedure in another process (a callee worker or the gateway), counted in
 * the call graph as called by the procedure running on this thread. Every method was prepared at
 * start; a call is a map lookup.
 */
public final class RemoteProxy implements InvocationHandler {

    private final Class<?> moduleInterface;
    private final Map<Method, Callee> procedures;
    private final Map<Method, String> privateProcedures;
    private final Supplier<RemoteCaller> caller;
    /**
     * The caller once looked up: a client proxy of the application-scoped bean, valid for the
     * application's life. Looking it up on every call (a CDI resolution) took 9% of a calling
     * worker's CPU samples in benchmarks/split-cost.sh.
     */
    private volatile RemoteCaller resolved;

    private final CallGraph graph;

    /** A procedure as called from here, with its node in the call graph. */
    private record Callee(RemoteProcedure procedure, int id) {
    }

    private RemoteProxy(Class<?> moduleInterface, Map<Method, Callee> procedures,
                        Map<Method, String> privateProcedures, Supplier<RemoteCaller> caller, CallGraph graph) {
        this.moduleInterface = moduleInterface;
        this.graph = graph;
        this.procedures = procedures;
        this.privateProcedures = privateProcedures;
        this.caller = caller;
    }

    /** A proxy implementing {@code moduleInterface}; {@code caller} is asked on the first call. */
    public static Object create(Class<?> moduleInterface, List<ModuleProcedure> declared, Supplier<RemoteCaller> caller,
                                CallGraph graph) {
        Map<Method, Callee> procedures = new HashMap<>();
        Map<Method, String> privateProcedures = new HashMap<>();
        for (ModuleProcedure procedure : declared) {
            if (procedure.declaration().access() == AccessLevel.PRIVATE) {
                privateProcedures.put(procedure.method(), procedure.fqn() + "' is private to segment '" + procedure.declaration().segment());
                continue;
            }
            RemoteProcedure remote = RemoteProcedure.of(procedure.method(), procedure.fqn(), procedure.declaration().version());
            // A method listed with several versions is called at its highest one.
            procedures.merge(procedure.method(), new Callee(remote, graph.id(procedure.fqn().value())),
                    (a, b) -> a.procedure().version().compareTo(b.procedure().version()) >= 0 ? a : b);
        }
        RemoteProxy handler = new RemoteProxy(moduleInterface, procedures, privateProcedures, caller, graph);
        return Proxy.newProxyInstance(moduleInterface.getClassLoader(), new Class<?>[] {moduleInterface}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, arguments);
        }
        Callee callee = procedures.get(method);
        if (callee == null) {
            String reason = privateProcedures.get(method);
            if (reason != null) {
                throw new NotFoundException("Procedure '" + reason + "' and cannot be called from another segment");
            }
            throw new NotImplementedException(moduleInterface.getName() + "#" + method.getName()
                    + " is not a procedure of any segment");
        }
        RemoteCaller remote = caller();
        int current = graph.current();
        CallCounters edge = graph.edge(current, callee.id());
        String by = current >= 0 ? graph.name(current) : null;
        RemoteProcedure procedure = callee.procedure();
        return procedure.isAsynchronous() ? remote.callAsync(procedure, arguments, edge, by)
                : remote.call(procedure, arguments, edge, by);
    }

    private RemoteCaller caller() {
        RemoteCaller remote = resolved;
        if (remote == null) {
            remote = caller.get();
            resolved = remote;
        }
        return remote;
    }

    private Object objectMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "RemoteProxy[" + moduleInterface.getName() + "]";
        };
    }
}
