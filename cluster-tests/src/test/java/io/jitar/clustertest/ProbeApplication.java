package io.jitar.clustertest;

import io.jitar.clustertest.app.probe.Probe;
import io.jitar.testing.Deployments;
import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application the cluster tests deploy on every worker: segments probe, vault (protected) and front. */
final class ProbeApplication {

    private ProbeApplication() {
    }

    static Path war() {
        File file = new File("target/services/probe.war");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "probe.war")
                .addAsLibraries(Deployments.workerRuntimeLibraries())
                .addPackages(true, Probe.class.getPackage().getName().replace(".probe", ""))
                .addAsResource("probe-app/segments/probe.json", "META-INF/jitar/segments/probe.json")
                .addAsResource("probe-app/segments/vault.json", "META-INF/jitar/segments/vault.json")
                .addAsResource("probe-app/segments/front.json", "META-INF/jitar/segments/front.json")
                .addAsResource("probe-app/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource("probe-app/beans.xml", "beans.xml");
        war.as(ZipExporter.class).exportTo(file, true);
        return file.toPath();
    }

    static Path gatewayWar() {
        return Path.of("target/services/gateway.war");
    }

    static Path proxyWar() {
        return Path.of("target/services/proxy.war");
    }
}
