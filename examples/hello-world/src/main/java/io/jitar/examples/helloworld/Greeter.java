package io.jitar.examples.helloworld;

import java.util.Optional;

/** A procedure module: a plain interface. Its method {@code sayHello} is the procedure {@code sayHello}. */
public interface Greeter {

    /** An {@code Optional} parameter may be left out by the caller. */
    String sayHello(Optional<String> name);
}
