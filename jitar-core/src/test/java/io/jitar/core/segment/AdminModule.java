package io.jitar.core.segment;

/** A module that inherits the procedures of another. */
public interface AdminModule extends GameModule {

    void reset();
}
