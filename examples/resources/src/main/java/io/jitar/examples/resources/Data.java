package io.jitar.examples.resources;

/** The procedure module: {@code getData} shows what the database holds. */
public interface Data {

    /** Every entry as a line {@code key => value}, in order of insertion. */
    String getData();
}
