package io.jitar.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.jitar.core.offender.KnowsTheRegistry;
import io.jitar.core.offender.UsesCdi;
import io.jitar.cyclea.Ping;
import io.jitar.cycleb.Pong;
import io.jitar.errors.LeakyError;
import io.jitar.gateway.offender.KnowsTheWorker;
import org.junit.jupiter.api.Test;

/** Each rule fails for a class that draws its never-arrow: a rule that cannot fail keeps nothing. */
class RoleRulesBiteTest {

    @Test
    void apiExposingAnInternalTypeIsCaught() {
        assertCaught(RoleRules.API_DEPENDS_ON_NOTHING_INTERNAL, LeakyError.class);
    }

    @Test
    void coreTiedToCdiIsCaught() {
        assertCaught(RoleRules.PLAIN_LOGIC_KNOWS_NO_CONTAINER, UsesCdi.class);
    }

    @Test
    void coreKnowingTheGatewayIsCaught() {
        assertCaught(RoleRules.CORE_KNOWS_NO_ROLE, KnowsTheRegistry.class);
        assertCaught(RoleRules.ONLY_THE_GATEWAY_KNOWS_THE_REGISTRY, KnowsTheRegistry.class);
    }

    @Test
    void gatewayReachingIntoTheWorkerIsCaught() {
        assertCaught(RoleRules.GATEWAY_KNOWS_NO_OTHER_ROLE, KnowsTheWorker.class);
    }

    @Test
    void workerUsingTheGatewaysClassesIsCaught() {
        assertCaught(RoleRules.WORKER_KNOWS_NO_OTHER_ROLE, io.jitar.worker.offender.KnowsTheRegistry.class);
    }

    @Test
    void aSecondLoggingApiIsCaught() {
        assertCaught(RoleRules.ONE_LOGGING_API, io.jitar.core.offender.LogsThroughSystemLogger.class);
    }

    @Test
    void packageCycleIsCaught() {
        EvaluationResult result = RoleRules.NO_PACKAGE_CYCLES.evaluate(new ClassFileImporter().importClasses(Ping.class, Pong.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("cyclea").contains("cycleb");
    }

    private static void assertCaught(ArchRule rule, Class<?> offender) {
        JavaClasses classes = new ClassFileImporter().importClasses(offender);

        EvaluationResult result = rule.evaluate(classes);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(offender.getName());
    }
}
