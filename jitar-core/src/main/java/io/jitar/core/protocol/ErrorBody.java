package io.jitar.core.protocol;

/**
 * The JSON body of every error answer: {@code {"status":404,"message":"...","type":"..."}}.
 * {@code type} names the exception class so that a remote caller can rethrow the same type; it is
 * left out for failures the runtime does not want to describe. Never contains a stack trace.
 */
public record ErrorBody(int status, String message, String type) {
}
