package io.jitar.examples.helloworld;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The implementation: an ordinary CDI bean, with no trace of the runtime. */
@ApplicationScoped
public class DefaultGreeter implements Greeter {

    @Override
    public String sayHello(Optional<String> name) {
        return "Hello " + name.orElse("World");
    }
}
