package io.jitar.worker.extension;

import io.jitar.worker.config.WorkerSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
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
    private final Map<Class<?>, List<Bean<?>>> implementations = new HashMap<>();
    private final List<Bean<?>> middlewares = new ArrayList<>();

    void load(@Observes BeforeBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            settings = WorkerSettings.from(ApplicationConfig.lookup(ConfigProvider.getConfig(loader), loader));
            model = ApplicationModel.resolve(SegmentFiles.read(loader), settings, loader);
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

    void reportProblems(@Observes AfterBeanDiscovery event) {
        if (problem != null) {
            event.addDefinitionError(problem);
            return;
        }
        if (!settings.isStandalone()) {
            addRemoteProxies(event);
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
                    .createWith(context -> RemoteProxy.create(remote, procedures, caller));
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
        for (Type type : bean.getTypes()) {
            if (type instanceof Class<?> moduleInterface && model.localInterfaces().contains(moduleInterface)) {
                implementations.computeIfAbsent(moduleInterface, k -> new ArrayList<>()).add(bean);
            }
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

    /** The resolved application; only valid once the deployment succeeded. */
    public ApplicationModel model() {
        return model;
    }
}
