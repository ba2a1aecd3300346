package io.jitar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The never-arrows of the runtime's house, one rule each. Roles are packages: the application API
 * ({@code io.jitar}, {@code io.jitar.errors}, {@code io.jitar.middleware}), the shared core
 * ({@code io.jitar.core}), and {@code io.jitar.gateway}, {@code io.jitar.proxy},
 * {@code io.jitar.assets}, {@code io.jitar.repository} and {@code io.jitar.worker}.
 */
final class RoleRules {

    /** What ties code to a container: plain logic must run (and be tested) without one. */
    private static final String[] CONTAINER = {
        "jakarta.enterprise..", "jakarta.inject..", "jakarta.ws.rs..", "jakarta.servlet..", "jakarta.annotation..",
        "org.eclipse.microprofile.."
    };

    static final ArchRule API_DEPENDS_ON_NOTHING_INTERNAL = classes()
            .that().resideInAnyPackage("io.jitar", "io.jitar.errors..", "io.jitar.middleware..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.jitar", "io.jitar.errors..", "io.jitar.middleware..")
            .because("an application compiles against jitar-api and nothing else");

    static final ArchRule PLAIN_LOGIC_KNOWS_NO_CONTAINER = noClasses()
            .that().resideInAnyPackage("io.jitar.core..", "io.jitar.gateway.cluster..", "io.jitar.gateway.grid..", "io.jitar.proxy.routing..", "io.jitar.assets")
            .should().dependOnClassesThat().resideInAnyPackage(CONTAINER)
            .because("the core and each role's logic are plain Java; only the web adapters know CDI, JAX-RS and servlets");

    static final ArchRule CORE_KNOWS_NO_ROLE = noClasses()
            .that().resideInAPackage("io.jitar.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jitar.gateway..", "io.jitar.proxy..", "io.jitar.assets..", "io.jitar.repository..", "io.jitar.worker..")
            .because("jitar-core is what every role shares, so it ships in every WAR");

    static final ArchRule GATEWAY_KNOWS_NO_OTHER_ROLE = noClasses()
            .that().resideInAPackage("io.jitar.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jitar.worker..", "io.jitar.proxy..", "io.jitar.assets..", "io.jitar.repository..");

    static final ArchRule PROXY_KNOWS_NO_OTHER_ROLE = noClasses()
            .that().resideInAPackage("io.jitar.proxy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.jitar.worker..", "io.jitar.gateway..", "io.jitar.assets..", "io.jitar.repository..");

    static final ArchRule REPOSITORY_KNOWS_NO_OTHER_ROLE = noClasses()
            .that().resideInAnyPackage("io.jitar.repository..", "io.jitar.assets..")
            .should().dependOnClassesThat().resideInAnyPackage("io.jitar.worker..", "io.jitar.gateway..", "io.jitar.proxy..");

    static final ArchRule WORKER_KNOWS_NO_OTHER_ROLE = noClasses()
            .that().resideInAPackage("io.jitar.worker..")
            .should().dependOnClassesThat().resideInAnyPackage("io.jitar.gateway..", "io.jitar.proxy..", "io.jitar.repository..")
            .because("a worker talks to the gateway over the wire protocol in jitar-core, never through its classes");

    static final ArchRule ONLY_THE_GATEWAY_KNOWS_THE_REGISTRY = noClasses()
            .that().resideOutsideOfPackage("io.jitar.gateway..")
            .should().dependOnClassesThat().resideInAPackage("io.jitar.gateway.cluster..");

    static final ArchRule ONE_LOGGING_API = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
            .because("the runtime logs through java.util.logging, Payara's own log (Jetty's SLF4J is bridged to it)");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.jitar.(**)").should().beFreeOfCycles();

    private RoleRules() {
    }
}
