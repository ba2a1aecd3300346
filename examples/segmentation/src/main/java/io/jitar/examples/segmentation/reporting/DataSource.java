package io.jitar.examples.segmentation.reporting;

import java.util.List;

/** In segment {@code data}: {@code reporting/getData}. */
public interface DataSource {

    List<Integer> getData();
}
