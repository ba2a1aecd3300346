package io.jitar.worker.testapp.shop;

import io.jitar.errors.PaymentRequiredException;

/** An application exception extending one of the runtime's HTTP errors. */
public class OutOfStockException extends PaymentRequiredException {

    public OutOfStockException(String message) {
        super(message);
    }
}
