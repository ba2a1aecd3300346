package io.jitar.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The class files a WAR carries, in WEB-INF/classes and inside each jar of WEB-INF/lib. */
final class WarContents {

    private WarContents() {
    }

    /** Class files as paths below their root, e.g. {@code io/jitar/worker/WorkerRuntime.class}. */
    static List<String> classFiles(Path war) {
        List<String> classes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(war); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                    classes.add(name.substring("WEB-INF/classes/".length()));
                } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    classes.addAll(jarClassFiles(new ZipInputStream(zip)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + war, e);
        }
        return classes;
    }

    /** Reads the nested jar in place; does not close {@code jar}, which would close the WAR's stream. */
    private static List<String> jarClassFiles(ZipInputStream jar) throws IOException {
        List<String> classes = new ArrayList<>();
        for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
            if (entry.getName().endsWith(".class")) {
                classes.add(entry.getName());
            }
        }
        return classes;
    }
}
