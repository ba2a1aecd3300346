package io.jitar.examples.errorhandling;

import java.util.List;

/** In segment {@code data}: the procedure {@code getData}. */
public interface SalesData {

    /** @throws DatabaseError always, in this example: the database is down */
    List<String> getData();
}
