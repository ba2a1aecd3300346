package io.jitar.examples.healthchecks;

/**
 * A procedure module, so that the segment has something to run: {@code isDatabaseAvailable}
 * tells a caller whether the database answers. The original example's segment is empty; an empty
 * segment file ({@code {}}) works here too.
 */
public interface DatabaseStatus {

    boolean isDatabaseAvailable();
}
