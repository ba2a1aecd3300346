package io.jitar.core.protocol;

/**
 * Values of {@code X-Jitar-Content-Type}: what the body of a result is, so that a client can turn
 * the text {@code 42} back into a number and {@code true} into a boolean, as the original does.
 */
public final class ContentTypes {

    public static final String NULL = "application/null";
    public static final String UNDEFINED = "application/undefined";
    public static final String BOOLEAN = "application/boolean";
    public static final String NUMBER = "application/number";
    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";

    private ContentTypes() {
    }
}
