package io.jitar.core.procedure;

/** A procedure module interface in this test package, for FQN derivation. */
interface ScoreModule {

    int topScore();
}
