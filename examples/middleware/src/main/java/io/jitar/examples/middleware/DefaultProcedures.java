package io.jitar.examples.middleware;

import jakarta.enterprise.context.ApplicationScoped;

/** The implementation: an ordinary CDI bean that knows nothing about the middleware around it. */
@ApplicationScoped
public class DefaultProcedures implements Procedures {

    @Override
    public String hello(String name) {
        return "Hello, " + name + "!";
    }

    @Override
    public String ping() {
        return "pong";
    }

    @Override
    public String redirect() {
        return "Redirecting...";
    }
}
