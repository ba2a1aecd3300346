package io.jitar.examples.errorhandling;

/** In segment {@code process}: the procedure {@code exportData}. */
public interface Export {

    /** {@code "Success"}, or {@code "Failed, see log for details"} when the data cannot be read. */
    String exportData();
}
