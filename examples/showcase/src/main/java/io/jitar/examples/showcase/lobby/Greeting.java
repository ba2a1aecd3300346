package io.jitar.examples.showcase.lobby;

/**
 * What {@code lobby/greet} answers: {@code {"message":"Hello Ada","number":3}}, where {@code number}
 * counts the greetings of the worker that answered (state lives in a worker, not in the cluster).
 */
public record Greeting(String message, long number) {
}
