package io.jitar.worker.it;

import io.jitar.testing.Deployments;
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
                .addAsLibraries(Deployments.workerRuntimeLibraries())
                .addPackages(true, UserMiddleware.class.getPackage())
                .addAsResource(segmentFile, "META-INF/jitar/segments/shop.json")
                .addAsResource("testapp/microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource("testapp/beans.xml", "beans.xml")
                .addAsWebInfResource("testapp/assets/index.html", "assets/index.html")
                .addAsWebInfResource("testapp/assets/style.css", "assets/style.css")
                .addAsWebInfResource("testapp/assets/notes.txt", "assets/notes.txt");
    }
}
