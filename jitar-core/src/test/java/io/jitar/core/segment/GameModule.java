package io.jitar.core.segment;

/** A procedure module: one method per procedure, except the overloaded {@code guess}. */
public interface GameModule {

    boolean checkSecret(String secret);

    int guess(int number);

    int guess(int number, String player);

    default String greeting() {
        return "hello";
    }

    static GameModule create() {
        return null;
    }
}
