package io.jitar.worker.extension;

import io.jitar.core.insight.CallGraph;
import io.jitar.core.procedure.Invoker;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code @Inject} hands over for a procedure module that runs in this process: calling a
 * method calls the CDI bean implementing it (its interceptors, transactions and scope unchanged),
 * counted in the call graph as a call from the procedure running on this thread. This is how
 * in-process calls between procedures are seen at all, standalone as in a cluster. Each method's
 * invoker is a spread {@code MethodHandle} bound to the bean, prepared when the proxy is made.
 */
public final class LocalProxy implements InvocationHandler {

    private static final Object[] NO_ARGUMENTS = {};
    private static final MethodType SPREAD = MethodType.methodType(Object.class, Object[].class);

    private final Class<?> moduleInterface;
    private final Object bean;
    private final CallGraph graph;
    private final Map<Method, Callee> procedures;

    private record Callee(int id, Invoker invoker) {
    }

    private LocalProxy(Class<?> moduleInterface, Object bean, CallGraph graph, Map<Method, Callee> procedures) {
        this.moduleInterface = moduleInterface;
        this.bean = bean;
        this.graph = graph;
        this.procedures = procedures;
    }

    /** A proxy implementing {@code moduleInterface} in front of {@code bean} (a reference to its implementation). */
    public static Object create(Class<?> moduleInterface, List<ModuleProcedure> declared, Object bean, CallGraph graph) {
        Map<Method, Callee> procedures = new HashMap<>();
        for (ModuleProcedure procedure : declared) {
            procedures.computeIfAbsent(procedure.method(),
                    method -> new Callee(graph.id(procedure.fqn().value()), invoker(method, bean)));
        }
        LocalProxy handler = new LocalProxy(moduleInterface, bean, graph, procedures);
        return Proxy.newProxyInstance(moduleInterface.getClassLoader(), new Class<?>[] {moduleInterface}, handler);
    }

    /** A spread handle bound to the bean: no reflection per call. */
    public static Invoker invoker(Method method, Object bean) {
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(method).bindTo(bean)
                    .asSpreader(Object[].class, method.getParameterCount()).asType(SPREAD);
            return arguments -> (Object) handle.invokeExact(arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        Callee callee = procedures.get(method);
        if (callee != null) {
            return graph.invoke(callee.id(), false, callee.invoker(), arguments == null ? NO_ARGUMENTS : arguments);
        }
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "LocalProxy[" + moduleInterface.getName() + "]";
            };
        }
        try {
            return method.invoke(bean, arguments); // a method of the module that is no procedure: not counted
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
