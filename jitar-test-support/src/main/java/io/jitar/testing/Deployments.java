package io.jitar.testing;

import java.io.File;
import java.net.URL;
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
}
