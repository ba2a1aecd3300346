package io.jitar.core.protocol;

import io.jitar.errors.JitarException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that turns an exception into an HTTP status and an {@link ErrorBody}, for every
 * service (worker, gateway, proxy, repository); {@link ErrorBody#jsonBytes()} writes the answer.
 *
 * <p>{@link JitarException}s carry their own status and message. Other exceptions thrown by
 * application code answer 500 with their type and message so a remote caller can rethrow them;
 * exceptions from the JDK or the container answer 500 with a generic message, because their
 * messages may describe internals.
 */
public final class ErrorMapping {

    static final String GENERIC_MESSAGE = "Internal server error";

    /** Packages of the JDK, Jakarta EE and the server's libraries: their exceptions stay private. */
    private static final String[] PLATFORM_PACKAGES = {
        "java.", "javax.", "jakarta.", "sun.", "com.sun.", "jdk.", "org.glassfish.", "org.jboss.",
        "org.eclipse.", "org.apache.", "org.hibernate.", "fish.payara.", "com.hazelcast.", "org.h2."
    };

    private ErrorMapping() {
    }

    /** Strips the wrappers that asynchronous execution adds around the real failure. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public static int statusOf(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof JitarException jitar ? jitar.status() : 500;
    }

    public static ErrorBody bodyOf(Throwable error) {
        Throwable cause = unwrap(error);
        int status = statusOf(cause);
        if (cause instanceof JitarException || isApplicationException(cause)) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            return new ErrorBody(status, message, cause.getClass().getName());
        }
        return new ErrorBody(status, GENERIC_MESSAGE, null);
    }

    /** {@code true} for exceptions whose description is safe and useful to pass on. */
    public static boolean isExposed(Throwable error) {
        Throwable cause = unwrap(error);
        return cause instanceof JitarException || isApplicationException(cause);
    }

    private static boolean isApplicationException(Throwable error) {
        String name = error.getClass().getName();
        for (String prefix : PLATFORM_PACKAGES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
