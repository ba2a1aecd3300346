package io.jitar.examples.healthchecks;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Checks a real JDBC connection to the application server's default data source (on Payara
 * Micro: an embedded H2 database). A plain CDI bean.
 */
@ApplicationScoped
public class DefaultDatabaseStatus implements DatabaseStatus {

    private static final Logger LOG = Logger.getLogger(DefaultDatabaseStatus.class.getName());

    /** Seconds the database may take to confirm the connection. */
    private static final int VALIDATION_TIMEOUT = 1;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public boolean isDatabaseAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The database is not available: {0}", e.getMessage());
            return false;
        }
    }
}
