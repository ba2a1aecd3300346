package io.jitar.examples.segmentation.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stands in for a database. */
@ApplicationScoped
public class FixedDataSource implements DataSource {

    @Override
    public List<Integer> getData() {
        return List.of(1, 3, 5, 7, 9);
    }
}
