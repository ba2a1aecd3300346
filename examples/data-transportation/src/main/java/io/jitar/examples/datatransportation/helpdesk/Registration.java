package io.jitar.examples.datatransportation.helpdesk;

import io.jitar.examples.datatransportation.account.Account;
import java.time.Instant;

/**
 * What {@code helpdesk/register} answers: a record holding another record and a {@code java.time}
 * value, written as {@code {"account":{"firstName":"John","lastName":"Doe"},"created":"2025-01-31T10:15:30.123Z"}}.
 */
public record Registration(Account account, Instant created) {

    /** The original's text form: {@code Registration for John Doe created on ...}. */
    @Override
    public String toString() {
        return "Registration for " + account.firstName() + " " + account.lastName() + " created on " + created;
    }
}
