package io.jitar.repository;

import io.jitar.assets.AssetServer;
import io.jitar.assets.AssetServerSettings;
import io.jitar.assets.DirectoryAssetSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The repository service: reads {@code jitar.repository.*} once, when the application starts, and
 * holds the {@link AssetServer} every request uses. A wrong value throws here, which stops the
 * deployment with a message naming the key (see {@link AssetServerSettings} for keys and defaults).
 * <p>
 * Without {@value AssetServerSettings#ASSET_ROOT} it serves the files packaged in the WAR under
 * {@value #PACKAGED_ASSETS}: inside WEB-INF, so the container never serves them by itself, only
 * through the whitelist.
 */
@ApplicationScoped
public class RepositoryService {

    /** Where the WAR keeps its own assets ({@code src/main/webapp/WEB-INF/assets}). */
    public static final String PACKAGED_ASSETS = "/WEB-INF/assets";

    private static final Logger LOGGER = Logger.getLogger(RepositoryService.class.getName());

    private final Config config;
    private volatile AssetServer assetServer;

    @Inject
    public RepositoryService(Config config) {
        this.config = config;
    }

    /** For CDI's client proxy only. */
    protected RepositoryService() {
        this.config = null;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        AssetServerSettings settings = AssetServerSettings.from(key -> config.getOptionalValue(key, String.class));
        Path root = settings.assetRoot().orElseGet(() -> packagedAssets(context));
        assetServer = AssetServer.of(new DirectoryAssetSource(root), settings);
        LOGGER.info(() -> "Jitar repository serves " + settings.assets() + " from " + root + " (index "
                + settings.index() + ", serve-index-on-not-found " + settings.serveIndexOnNotFound() + ")");
    }

    /** True once the settings were read and the asset root was found. */
    public boolean isStarted() {
        return assetServer != null;
    }

    /** @throws IllegalStateException before the application started */
    public AssetServer assetServer() {
        AssetServer server = assetServer;
        if (server == null) {
            throw new IllegalStateException("The repository has not started");
        }
        return server;
    }

    private static Path packagedAssets(ServletContext context) {
        String folder = context.getRealPath(PACKAGED_ASSETS);
        if (folder == null) {
            throw new IllegalStateException("The WAR's " + PACKAGED_ASSETS + " folder is not on disk (the server did not "
                    + "unpack the WAR): set '" + AssetServerSettings.ASSET_ROOT + "' to a folder of assets");
        }
        return Path.of(folder);
    }
}
