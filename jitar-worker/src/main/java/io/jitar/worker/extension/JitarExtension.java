package io.jitar.worker.extension;

import io.jitar.worker.config.WorkerSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import io.jitar.worker.remote.RemoteCaller;
import java.util.function.Supplier;
import io.jitar.middleware.Middleware;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import io.jitar.core.insight.CallGraph;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the application's segment files and the worker's configuration while the application is
 * being deployed, so that any mistake in either stops the deployment with a message naming the
 * file, key or setting, before a single call is served.
 */
public class JitarExtension implements Extension {

    private WorkerSettings settings;
    private ApplicationModel model;
    private RuntimeException problem;
    private CallGraph graph;
    private final Map<Class<?>, List<Bean<?>>> implementations = new HashMap<>();
    /** Classes of the beans implementing local modules; the module types were taken off these beans. */
    private final Map<Class<?>, Set<Class<?>>> implementationClasses = new HashMap<>();
    private final List<Bean<?>> middlewares = new ArrayList<>();

    void load(@Observes BeforeBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            settings = WorkerSettings.from(ApplicationConfig.lookup(ConfigProvider.getConfig(loader), loader));
            model = ApplicationModel.resolve(SegmentFiles.read(loader), settings, loader);
            graph = model.callGraph();
        } catch (RuntimeException e) {
            problem = e;
        }
    }

    /**
     * In a cluster, the implementation of a module whose segment runs elsewhere must not answer
     * {@code @Inject}: the remote proxy does. Standalone, every implementation stays local.
     */
    void vetoRemoteImplementations(@Observes ProcessAnnotatedType<?> event) {
        if (problem != null || settings.isStandalone() || event.getAnnotatedType().getJavaClass().isInterface()) {
            return;
        }
        for (Class<?> remote : model.remoteInterfaces()) {
            if (remote.isAssignableFrom(event.getAnnotatedType().getJavaClass())) {
                event.veto();
                return;
            }
        }
    }

    /**
     * A bean implementing a local procedure module no longer answers {@code @Inject} of the module
     * interface: a {@link LocalProxy} in front of it does, so that calls between procedures are
     * counted in the call graph. The bean keeps every other type (its class first of all).
     */
    void takeModuleTypes(@Observes ProcessBeanAttributes<?> event) {
        if (problem != null || !(event.getAnnotated() instanceof AnnotatedType<?> type) || type.getJavaClass().isInterface()) {
            return;
        }
        Set<Type> types = new LinkedHashSet<>(event.getBeanAttributes().getTypes());
        boolean changed = false;
        for (Class<?> moduleInterface : model.localInterfaces()) {
            if (types.remove(moduleInterface)) {
                implementationClasses.computeIfAbsent(moduleInterface, k -> new LinkedHashSet<>()).add(type.getJavaClass());
                changed = true;
            }
        }
        if (changed) {
            types.add(type.getJavaClass());
            event.configureBeanAttributes().types(types);
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (problem != null) {
            event.addDefinitionError(problem);
            return;
        }
        addLocalProxies(event, beanManager);
        if (!settings.isStandalone()) {
            addRemoteProxies(event);
        }
    }

    private void addLocalProxies(AfterBeanDiscovery event, BeanManager beanManager) {
        for (Class<?> local : model.localInterfaces()) {
            List<ModuleProcedure> procedures = model.proceduresOf(local);
            event.addBean()
                    .beanClass(local)
                    .types(local, Object.class)
                    .scope(Dependent.class)
                    .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .createWith(context -> {
                        Bean<?> bean = implementation(local);
                        Object reference = beanManager.getReference(bean, bean.getBeanClass(), context);
                        return LocalProxy.create(local, procedures, reference, graph);
                    });
        }
    }

    private void addRemoteProxies(AfterBeanDiscovery event) {
        Supplier<RemoteCaller> caller = RemoteCaller.lookup();
        for (Class<?> remote : model.remoteInterfaces()) {
            List<ModuleProcedure> procedures = model.remoteProcedures().stream()
                    .filter(p -> p.moduleInterface() == remote).toList();
            event.addBean()
                    .beanClass(remote)
                    .types(remote, Object.class)
                    .scope(Dependent.class)
                    .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                    .createWith(context -> RemoteProxy.create(remote, procedures, caller, graph));
        }
    }

    /**
     * Records the beans that implement local procedure modules and the middleware beans. Done
     * here because a portable extension sees the beans of every archive of the WAR, while the
     * BeanManager of a WEB-INF/lib jar does not see those in WEB-INF/classes.
     */
    void collectBeans(@Observes ProcessBean<?> event) {
        if (problem != null) {
            return;
        }
        Bean<?> bean = event.getBean();
        implementationClasses.forEach((moduleInterface, classes) -> {
            if (event instanceof ProcessManagedBean<?> && classes.contains(bean.getBeanClass())) {
                implementations.computeIfAbsent(moduleInterface, k -> new ArrayList<>()).add(bean);
            }
        });
        for (Type type : bean.getTypes()) {
            if (type == Middleware.class) {
                middlewares.add(bean);
            }
        }
    }

    void checkImplementations(@Observes AfterDeploymentValidation event) {
        if (problem != null) {
            return;
        }
        for (Class<?> moduleInterface : model.localInterfaces()) {
            List<Bean<?>> candidates = implementations.getOrDefault(moduleInterface, List.of());
            if (candidates.isEmpty()) {
                event.addDeploymentProblem(new IllegalStateException("No CDI bean implements procedure module "
                        + moduleInterface.getName() + ": add a bean class (for example @ApplicationScoped) implementing it"));
            } else if (candidates.size() > 1) {
                event.addDeploymentProblem(new IllegalStateException("More than one CDI bean implements procedure module "
                        + moduleInterface.getName() + ": " + candidates));
            }
        }
    }

    /** The bean implementing a local procedure module; only valid once the deployment succeeded. */
    public Bean<?> implementation(Class<?> moduleInterface) {
        return implementations.get(moduleInterface).get(0);
    }

    /** The application's middleware beans, unordered; only valid once the deployment succeeded. */
    public List<Bean<?>> middlewares() {
        return List.copyOf(middlewares);
    }

    /** The validated configuration; only valid once the deployment succeeded. */
    public WorkerSettings settings() {
        return settings;
    }

    /** The call graph of the application's procedures; only valid once the deployment succeeded. */
    public CallGraph graph() {
        return graph;
    }

    /** The resolved application; only valid once the deployment succeeded. */
    public ApplicationModel model() {
        return model;
    }
}
