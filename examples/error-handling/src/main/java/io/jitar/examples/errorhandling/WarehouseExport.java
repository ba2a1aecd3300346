package io.jitar.examples.errorhandling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Exports the sales data. {@code salesData} is the local bean standalone and a remote proxy in a
 * cluster; either way a failing database arrives here as a {@link DatabaseError}.
 */
@ApplicationScoped
public class WarehouseExport implements Export {

    private static final Logger LOG = Logger.getLogger(WarehouseExport.class.getName());

    @Inject
    SalesData salesData;

    @Override
    public String exportData() {
        try {
            List<String> data = salesData.getData();
            LOG.fine(() -> "Exporting " + data.size() + " rows to the data warehouse");
            return "Success";
        } catch (DatabaseError e) {
            LOG.warning(() -> "Database error occurred: " + e.getMessage());
            return "Failed, see log for details";
        }
    }
}
