package io.jitar.examples.resources;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A shared resource: an in-memory "database", one instance for the whole application.
 *
 * <p>Set-up and tear-down are plain CDI lifecycle callbacks, no Jitar mechanism: the database is
 * filled when the application has started ({@code @Observes Startup}), before the first call is
 * served, and cleared when the application shuts down ({@code @PreDestroy} of the
 * application-scoped bean).
 */
@ApplicationScoped
public class Database {

    /** Keeps the order of insertion, as the original's Map does. Guarded by {@code this}. */
    private final Map<String, String> entries = new LinkedHashMap<>();

    void setUp(@Observes Startup event) {
        synchronized (this) {
            entries.put("foo", "bar");
            entries.put("bar", "baz");
            entries.put("baz", "foo");
        }
        report("Database initialized " + size());
    }

    @PreDestroy
    void tearDown() {
        synchronized (this) {
            entries.clear();
        }
        report("Database cleared " + size());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** A copy of all entries, in order of insertion. */
    public synchronized Map<String, String> entries() {
        return new LinkedHashMap<>(entries);
    }

    /**
     * Writes to standard output, as the original's {@code console.log}. Not java.util.logging:
     * when Payara Micro stops on a signal (Ctrl+C, SIGTERM), the JDK has already closed the log
     * handlers by the time {@code @PreDestroy} runs, so a logged tear-down message would be lost.
     * While the server runs, Payara writes standard output to its log.
     */
    private static void report(String message) {
        System.out.println(message);
    }
}
