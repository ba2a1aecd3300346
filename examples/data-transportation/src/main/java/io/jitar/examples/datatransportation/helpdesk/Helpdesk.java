package io.jitar.examples.datatransportation.helpdesk;

/** In segment {@code helpdesk}: {@code helpdesk/register}. */
public interface Helpdesk {

    Registration register(String firstName, String lastName);
}
