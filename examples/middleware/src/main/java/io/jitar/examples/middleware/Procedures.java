package io.jitar.examples.middleware;

/** The procedure module: three procedures whose FQNs are {@code hello}, {@code ping} and {@code redirect}. */
public interface Procedures {

    /**
     * {@code name} is required, yet callers need not send it: {@link ArgumentMiddleware} offers
     * {@code "*name"} to every procedure that declares a parameter {@code name}. A name the
     * caller does send wins.
     */
    String hello(String name);

    String ping();

    /** {@link RedirectMiddleware} turns the answer of this procedure into a redirect to {@code ping}. */
    String redirect();
}
