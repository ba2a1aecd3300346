package io.jitar.worker.extension;

import io.jitar.core.segment.SegmentDefinition;
import io.jitar.core.segment.SegmentFileException;
import io.jitar.core.segment.SegmentFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds and reads the application's segment files, {@code META-INF/jitar/segments/NAME.json}, in
 * exploded folders ({@code WEB-INF/classes}) and in jars alike. The segment name is the file name.
 */
final class SegmentFiles {

    static final String FOLDER = "META-INF/jitar/segments";

    private SegmentFiles() {
    }

    /** All segments by name, sorted. Two files for the same segment name are an error. */
    static Map<String, SegmentDefinition> read(ClassLoader loader) {
        SegmentFileReader reader = new SegmentFileReader();
        Map<String, SegmentDefinition> segments = new TreeMap<>();
        for (String file : list(loader)) {
            String name = file.substring(FOLDER.length() + 1, file.length() - ".json".length());
            try (InputStream content = loader.getResourceAsStream(file)) {
                if (content == null) {
                    throw new SegmentFileException(file, "", "cannot be read");
                }
                SegmentDefinition segment = reader.read(name, file, content);
                if (segments.putIfAbsent(name, segment) != null) {
                    throw new SegmentFileException(file, "", "segment '" + name + "' is defined twice");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read segment file " + file, e);
            }
        }
        return segments;
    }

    private static List<String> list(ClassLoader loader) {
        List<String> files = new ArrayList<>();
        try {
            Enumeration<URL> folders = loader.getResources(FOLDER);
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if ("jar".equals(folder.getProtocol())) {
                    listJar(folder, files);
                } else if ("file".equals(folder.getProtocol())) {
                    listFolder(folder, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + FOLDER, e);
        }
        return files;
    }

    private static void listFolder(URL folder, List<String> files) throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .forEach(name -> files.add(FOLDER + "/" + name));
        } catch (URISyntaxException e) {
            throw new IOException("Cannot read " + folder, e);
        }
    }

    private static void listJar(URL folder, List<String> files) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(FOLDER + "/") && name.endsWith(".json") && name.indexOf('/', FOLDER.length() + 1) < 0) {
                    files.add(name);
                }
            }
        }
    }
}
