package io.jitar.examples.accessprotection.web;

/** The procedure module {@code web}, in segment {@code public}: what anyone may call. */
public interface Web {

    /** {@code "Congratulations!"} for the right secret, {@code "Sorry, try again!"} otherwise. */
    String guessSecret(int secret);
}
