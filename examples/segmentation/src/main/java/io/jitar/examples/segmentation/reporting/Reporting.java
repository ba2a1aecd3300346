package io.jitar.examples.segmentation.reporting;

import java.util.List;

/** In segment {@code process}: {@code reporting/createStatistics} and {@code reporting/createReport}. */
public interface Reporting {

    /** @throws io.jitar.errors.BadRequestException when {@code data} is empty */
    Statistics createStatistics(List<Integer> data);

    /** {@code "Total: 25, Average: 5"}, from the data of segment {@code data}. */
    String createReport();
}
