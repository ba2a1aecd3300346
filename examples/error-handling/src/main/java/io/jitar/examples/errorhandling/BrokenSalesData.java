package io.jitar.examples.errorhandling;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A data source whose database always fails. */
@ApplicationScoped
public class BrokenSalesData implements SalesData {

    @Override
    public List<String> getData() {
        throw new DatabaseError("This is a database error: 'Oops... Something went wrong'");
    }
}
