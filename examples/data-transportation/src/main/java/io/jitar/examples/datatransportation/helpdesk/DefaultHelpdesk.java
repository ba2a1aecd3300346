package io.jitar.examples.datatransportation.helpdesk;

import io.jitar.examples.datatransportation.account.Account;
import io.jitar.examples.datatransportation.account.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Registers a person: asks segment {@code account} for an account and wraps it in a registration.
 * In a cluster {@code accounts} is a remote proxy, and the {@link Account} it returns was rebuilt
 * from JSON: a real {@code Account}, not a map.
 */
@ApplicationScoped
public class DefaultHelpdesk implements Helpdesk {

    private static final Logger LOG = Logger.getLogger(DefaultHelpdesk.class.getName());

    @Inject
    Accounts accounts;

    @Override
    public Registration register(String firstName, String lastName) {
        Account account = accounts.createAccount(firstName, lastName);
        Registration registration = new Registration(account, Instant.now());
        LOG.info(registration::toString);
        return registration;
    }
}
