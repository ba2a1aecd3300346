package io.jitar.examples.segmentation.reporting;

/** What {@code reporting/createStatistics} answers: {@code {"average":5.0,"sum":25}} for the data 1, 3, 5, 7, 9. */
public record Statistics(long sum, double average) {
}
