package io.jitar.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Deployments for integration tests: the very WAR the module built, so the test covers the artifact users run. */
public final class Deployments {

    private Deployments() {
    }

    /** {@code target/NAME.war} of the module under test, as packaged before failsafe runs. */
    public static WebArchive builtWar(String name) {
        File war = new File("target/" + name + ".war");
        if (!war.isFile()) {
            throw new IllegalStateException(war.getAbsolutePath() + " is missing: run the tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    /**
     * {@code path} below the deployment's base URL, always on 127.0.0.1 (the container reports
     * "localhost", which may resolve to an address the loopback-bound listener does not serve).
     */
    public static String url(URL base, String path) {
        String root = base.getProtocol() + "://127.0.0.1:" + base.getPort() + base.getPath();
        return (root.endsWith("/") ? root : root + "/") + (path.startsWith("/") ? path.substring(1) : path);
    }

    /**
     * The jars a WAR of the worker runtime needs beside the application, for deployments built with
     * ShrinkWrap (a Maven-built WAR has them already): the runtime's modules and its HTTP client
     * (Jetty) with its logging bridge. Looked up by class name from the test's class path.
     */
    public static JavaArchive[] workerRuntimeLibraries() {
        String[][] libraries = {
                {"io.jitar.Version", "jitar-api"}, {"io.jitar.core.procedure.Fqn", "jitar-core"},
                {"io.jitar.assets.servlet.AssetResponder", "jitar-assets"}, {"io.jitar.worker.WorkerRuntime", "jitar-worker"},
                {"org.eclipse.jetty.client.HttpClient", "jetty-client"}, {"org.eclipse.jetty.http.HttpMethod", "jetty-http"},
                {"org.eclipse.jetty.io.EndPoint", "jetty-io"}, {"org.eclipse.jetty.util.component.LifeCycle", "jetty-util"},
                {"org.eclipse.jetty.alpn.client.ALPNClientConnectionFactory", "jetty-alpn-client"},
                {"org.slf4j.Logger", "slf4j-api"}, {"org.slf4j.jul.JDK14LoggerAdapter", "slf4j-jdk14"}};
        JavaArchive[] archives = new JavaArchive[libraries.length];
        for (int i = 0; i < libraries.length; i++) {
            try {
                archives[i] = libraryOf(Class.forName(libraries[i][0]), libraries[i][1]);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(libraries[i][1] + " is not on the test class path", e);
            }
        }
        return archives;
    }

    /** The jar (or, inside a reactor build, the classes folder packed as a jar) that holds {@code type}. */
    public static JavaArchive libraryOf(Class<?> type, String name) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            return ShrinkWrap.create(ExplodedImporter.class, name + ".jar").importDirectory(location.toFile()).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location.toFile());
    }
}
