package io.jitar.core.segment;

/**
 * A segment file is wrong. The message names the file, the key and the problem, because it stops
 * the deployment and is the only thing the developer gets to see.
 */
public final class SegmentFileException extends RuntimeException {

    private final String file;
    private final String key;

    public SegmentFileException(String file, String key, String problem) {
        super("Segment file '" + file + "'" + (key == null || key.isEmpty() ? "" : ", key '" + key + "'") + ": " + problem);
        this.file = file;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }
}
