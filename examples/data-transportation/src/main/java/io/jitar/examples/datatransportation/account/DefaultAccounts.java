package io.jitar.examples.datatransportation.account;

import io.jitar.errors.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DefaultAccounts implements Accounts {

    @Override
    public Account createAccount(String firstName, String lastName) {
        return new Account(required("firstName", firstName), required("lastName", lastName));
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Parameter '" + name + "' must not be blank");
        }
        return value.strip();
    }
}
