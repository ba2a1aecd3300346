package io.jitar.errors;

/** HTTP 402. Payment is required. Applications may throw or extend it. */
public class PaymentRequiredException extends JitarException {

    public PaymentRequiredException(String message) {
        super(402, message);
    }

    public PaymentRequiredException(String message, Throwable cause) {
        super(402, message, cause);
    }
}
