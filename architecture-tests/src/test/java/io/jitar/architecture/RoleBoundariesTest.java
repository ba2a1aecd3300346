package io.jitar.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The house as built: every rule of {@link RoleRules} holds for every production class. */
class RoleBoundariesTest {

    private final JavaClasses jitar = JitarClasses.all();

    @Test
    void everyRoleIsImported() {
        // A rule over an empty or partial import would pass for the wrong reason.
        assertThat(jitar.contain("io.jitar.Version")).isTrue();
        assertThat(jitar.contain("io.jitar.core.procedure.Fqn")).isTrue();
        assertThat(jitar.contain("io.jitar.gateway.cluster.InMemoryWorkerRegistry")).isTrue();
        assertThat(jitar.contain("io.jitar.gateway.rpc.RpcServlet")).isTrue();
        assertThat(jitar.contain("io.jitar.proxy.routing.ProxyRoutes")).isTrue();
        assertThat(jitar.contain("io.jitar.proxy.ProxyServlet")).isTrue();
        assertThat(jitar.contain("io.jitar.assets.AssetServer")).isTrue();
        assertThat(jitar.contain("io.jitar.repository.RepositoryService")).isTrue();
        assertThat(jitar.contain("io.jitar.worker.WorkerRuntime")).isTrue();
    }

    @Test
    void theApiDependsOnNothingInternal() {
        RoleRules.API_DEPENDS_ON_NOTHING_INTERNAL.check(jitar);
    }

    @Test
    void plainLogicKnowsNoContainer() {
        RoleRules.PLAIN_LOGIC_KNOWS_NO_CONTAINER.check(jitar);
    }

    @Test
    void theCoreKnowsNoRole() {
        RoleRules.CORE_KNOWS_NO_ROLE.check(jitar);
    }

    @Test
    void theGatewayKnowsNoOtherRole() {
        RoleRules.GATEWAY_KNOWS_NO_OTHER_ROLE.check(jitar);
    }

    @Test
    void theProxyKnowsNoOtherRole() {
        RoleRules.PROXY_KNOWS_NO_OTHER_ROLE.check(jitar);
    }

    @Test
    void theRepositoryKnowsNoOtherRole() {
        RoleRules.REPOSITORY_KNOWS_NO_OTHER_ROLE.check(jitar);
    }

    @Test
    void theWorkerKnowsNoOtherRole() {
        RoleRules.WORKER_KNOWS_NO_OTHER_ROLE.check(jitar);
    }

    @Test
    void onlyTheGatewayKnowsTheRegistry() {
        RoleRules.ONLY_THE_GATEWAY_KNOWS_THE_REGISTRY.check(jitar);
    }

    @Test
    void oneLoggingApi() {
        RoleRules.ONE_LOGGING_API.check(jitar);
    }

    @Test
    void noPackageCycles() {
        RoleRules.NO_PACKAGE_CYCLES.check(jitar);
    }
}
