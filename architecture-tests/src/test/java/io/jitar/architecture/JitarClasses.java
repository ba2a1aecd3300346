package io.jitar.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every production class of the runtime: the jars on this module's class path and the classes of
 * the three generic WARs (their web adapters), read from the modules' build folders.
 */
final class JitarClasses {

    static final List<String> WAR_MODULES = List.of("gateway-war", "proxy-war", "repository-war");

    private static JavaClasses all;

    private JitarClasses() {
    }

    static synchronized JavaClasses all() {
        if (all == null) {
            ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
            List<Path> warClasses = WAR_MODULES.stream().map(module -> root().resolve(module).resolve("target/classes")).toList();
            for (Path folder : warClasses) {
                if (!Files.isDirectory(folder)) {
                    throw new IllegalStateException(folder + " is missing: run the tests with 'mvn verify' from the root");
                }
            }
            Set<Location> locations = new HashSet<>(Locations.ofPackage("io.jitar"));
            warClasses.forEach(folder -> locations.add(Location.of(folder)));
            all = importer.importLocations(locations);
        }
        return all;
    }

    /** The repository's root folder (set by the build; the parent folder when run from an IDE). */
    static Path root() {
        String root = System.getProperty("jitar.root");
        return root == null || root.isBlank() ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }
}
