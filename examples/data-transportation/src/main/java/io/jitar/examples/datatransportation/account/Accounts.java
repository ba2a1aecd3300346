package io.jitar.examples.datatransportation.account;

/** In segment {@code account}: {@code account/createAccount}. */
public interface Accounts {

    /** @throws io.jitar.errors.BadRequestException when a name is blank */
    Account createAccount(String firstName, String lastName);
}
