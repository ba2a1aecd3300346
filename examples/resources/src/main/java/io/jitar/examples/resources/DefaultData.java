package io.jitar.examples.resources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The implementation: an ordinary CDI bean using the shared resource through injection. */
@ApplicationScoped
public class DefaultData implements Data {

    @Inject
    Database database;

    @Override
    public String getData() {
        StringBuilder data = new StringBuilder();
        database.entries().forEach((key, value) -> data.append(key).append(" => ").append(value).append('\n'));
        return data.toString();
    }
}
