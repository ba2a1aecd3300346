package io.jitar.worker.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * MicroProfile Config, falling back to the application's own
 * {@code META-INF/microprofile-config.properties}. Payara Micro reads that file from the WAR, but
 * Payara Server does not when the WAR sits in an EAR (only the EAR's lib/ jars count); without
 * the fallback, settings that belong to the application, such as {@code jitar.root-package}, and
 * with it every FQN, would differ between deployments.
 */
final class ApplicationConfig {

    private static final String FILE = "META-INF/microprofile-config.properties";

    private ApplicationConfig() {
    }

    static Function<String, Optional<String>> lookup(Config config, ClassLoader loader) {
        Properties file = read(loader);
        return key -> config.getOptionalValue(key, String.class).or(() -> Optional.ofNullable(file.getProperty(key)));
    }

    private static Properties read(ClassLoader loader) {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + FILE, e);
        }
        return properties;
    }
}
