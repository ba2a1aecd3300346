package io.jitar.worker.it;

import io.jitar.Version;
import io.jitar.core.procedure.Fqn;
import io.jitar.assets.servlet.AssetResponder;
import io.jitar.testing.Deployments;
import io.jitar.worker.WorkerRuntime;
import io.jitar.worker.testapp.UserMiddleware;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the worker ITs deploy: the runtime's two jars plus the test application in testapp/. */
final class TestApplication {

    private TestApplication() {
    }

    static WebArchive war() {
        return war("shop.war", "testapp/segments/shop.json");
    }

    /** The same application with another segment file, for deployments that must fail. */
    static WebArchive war(String name, String segmentFile) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addAsLibrary(Deployments.libraryOf(Version.class, "jitar-api"))
                .addAsLibrary(Deployments.libraryOf(Fqn.class, "jitar-core"))
                .addAsLibrary(Deployments.libraryOf(AssetResponder.class, "jitar-assets"))
                .addAsLibrary(Deployments.libraryOf(WorkerRuntime.class, "jitar-worker"))
                .addPackages(true, UserMiddleware.class.getPackage())
                .addAsResource(segmentFile, "META-INF/jitar/segments/shop.json")
                .addAsResource("testapp/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource("testapp/beans.xml", "beans.xml")
                .addAsWebInfResource("testapp/assets/index.html", "assets/index.html")
                .addAsWebInfResource("testapp/assets/style.css", "assets/style.css")
                .addAsWebInfResource("testapp/assets/notes.txt", "assets/notes.txt");
    }
}
