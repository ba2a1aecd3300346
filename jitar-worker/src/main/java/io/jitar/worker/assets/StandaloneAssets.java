package io.jitar.worker.assets;

import io.jitar.assets.AssetServer;
import io.jitar.assets.AssetServerSettings;
import io.jitar.assets.DirectoryAssetSource;
import io.jitar.worker.config.WorkerSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A standalone worker (no {@code jitar.worker.gateway}) also serves the application's assets,
 * exactly as a repository would (same {@code jitar.repository.*} settings, same whitelist and
 * path checks): the files in {@code jitar.repository.asset-root}, else those the WAR packages
 * under {@code WEB-INF/assets}. A WAR without assets serves none, and a clustered worker never
 * does: there the repository serves them.
 */
public class StandaloneAssets implements ServletContainerInitializer {

    static final String PACKAGED_ASSETS = "/WEB-INF/assets";
    private static final Logger LOG = Logger.getLogger(StandaloneAssets.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        Config config = ConfigProvider.getConfig(context.getClassLoader());
        if (config.getOptionalValue(WorkerSettings.GATEWAY, String.class).filter(s -> !s.isBlank()).isPresent()) {
            return;
        }
        AssetServerSettings settings;
        try {
            settings = AssetServerSettings.from(key -> config.getOptionalValue(key, String.class));
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        Optional<Path> root = settings.assetRoot().or(() -> packaged(context));
        if (root.isEmpty()) {
            return;
        }
        AssetServer server = AssetServer.of(new DirectoryAssetSource(root.get()), settings);
        context.addServlet("jitar-assets", new AssetServlet(server)).addMapping("/*");
        LOG.info(() -> "Standalone worker serves assets " + settings.assets() + " from " + root.get());
    }

    private static Optional<Path> packaged(ServletContext context) {
        return Optional.ofNullable(context.getRealPath(PACKAGED_ASSETS)).map(Path::of).filter(Files::isDirectory);
    }
}
