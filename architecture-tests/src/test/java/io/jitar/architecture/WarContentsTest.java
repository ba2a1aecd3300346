package io.jitar.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No role's code ships in another role's WAR, checked on the WARs the build produced. */
class WarContentsTest {

    private static final List<String> WORKER_MAY_NOT_CARRY = List.of("io/jitar/gateway/", "io/jitar/proxy/", "io/jitar/repository/");

    /** The worker WAR and every example application (each is a worker WAR). */
    static Stream<Path> workerWars() throws IOException {
        Path examples = JitarClasses.root().resolve("examples");
        try (Stream<Path> folders = Files.list(examples)) {
            List<Path> wars = folders.filter(Files::isDirectory)
                    .map(folder -> folder.resolve("target").resolve(folder.getFileName() + ".war"))
                    .toList();
            return Stream.concat(Stream.of(JitarClasses.root().resolve("worker-war/target/worker.war")), wars.stream());
        }
    }

    @ParameterizedTest
    @MethodSource("workerWars")
    void workerWarsCarryNoGatewayProxyOrRepositoryClass(Path war) {
        List<String> classes = WarContents.classFiles(war);

        assertThat(classes).contains("io/jitar/worker/WorkerRuntime.class", "io/jitar/core/procedure/Fqn.class");
        assertThat(classes).noneMatch(name -> WORKER_MAY_NOT_CARRY.stream().anyMatch(name::startsWith));
    }

    @Test
    void gatewayWarCarriesNoOtherRole() {
        List<String> classes = WarContents.classFiles(war("gateway-war/target/gateway.war"));

        assertThat(classes).contains("io/jitar/gateway/cluster/InMemoryWorkerRegistry.class", "io/jitar/gateway/rpc/RpcServlet.class");
        assertThat(classes).noneMatch(name -> startsWithAny(name, "io/jitar/worker/", "io/jitar/proxy/", "io/jitar/assets/", "io/jitar/repository/"));
    }

    @Test
    void proxyWarCarriesNoOtherRole() {
        List<String> classes = WarContents.classFiles(war("proxy-war/target/proxy.war"));

        assertThat(classes).contains("io/jitar/proxy/routing/ProxyRoutes.class", "io/jitar/proxy/ProxyServlet.class");
        assertThat(classes).noneMatch(name -> startsWithAny(name, "io/jitar/worker/", "io/jitar/gateway/", "io/jitar/assets/", "io/jitar/repository/"));
    }

    @Test
    void repositoryWarCarriesNoOtherRole() {
        List<String> classes = WarContents.classFiles(war("repository-war/target/repository.war"));

        assertThat(classes).contains("io/jitar/assets/AssetServer.class", "io/jitar/repository/RepositoryService.class");
        assertThat(classes).noneMatch(name -> startsWithAny(name, "io/jitar/worker/", "io/jitar/gateway/", "io/jitar/proxy/"));
    }

    @Test
    void aGatewayClassInsideANestedJarIsFound(@TempDir Path folder) throws IOException {
        Path war = folder.resolve("bad.war");
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("WEB-INF/classes/com/example/App.class"));
            zip.write(new byte[] {1});
            zip.putNextEntry(new ZipEntry("WEB-INF/lib/jitar-gateway.jar"));
            ZipOutputStream jar = new ZipOutputStream(zip);
            jar.putNextEntry(new ZipEntry("io/jitar/gateway/cluster/WorkerRegistry.class"));
            jar.write(new byte[] {1});
            jar.finish();
            zip.closeEntry();
        }

        assertThat(WarContents.classFiles(war)).containsExactly("com/example/App.class", "io/jitar/gateway/cluster/WorkerRegistry.class");
    }

    private static Path war(String path) {
        Path war = JitarClasses.root().resolve(path);
        assertThat(war).as("built by 'mvn verify' before this module").isRegularFile();
        return war;
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        return Stream.of(prefixes).anyMatch(name::startsWith);
    }
}
