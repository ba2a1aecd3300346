package io.jitar.assets;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A request path made safe to look up below an asset root: relative, '/'-separated, each segment a
 * plain file or folder name. Parsing decodes percent-escapes exactly once and refuses, instead of
 * repairing, everything that could step outside the root or mean two things:
 * <ul>
 * <li>{@code .} and {@code ..} segments, also encoded ({@code %2e%2e});</li>
 * <li>encoded separators ({@code %2F}, {@code %5C}) and any backslash;</li>
 * <li>a {@code %} left after decoding ({@code %252e}): a second decoder further down the line
 * would otherwise see a different path than the one checked here;</li>
 * <li>empty segments ({@code //x}, {@code a//b}, a trailing {@code /}): absolute paths and folders;</li>
 * <li>NUL and other control characters, {@code :} (drive letters, alternate data streams),
 * malformed escapes and invalid UTF-8.</li>
 * </ul>
 * The empty path (request {@code /}) is valid: it stands for the index. Instances are immutable.
 */
public final class AssetPath {

    private static final AssetPath ROOT = new AssetPath(List.of());

    private final List<String> segments;

    private AssetPath(List<String> segments) {
        this.segments = segments;
    }

    /**
     * Parses the raw (still percent-encoded) path of a request; one leading {@code /} is optional,
     * a query ({@code ?...}) or fragment is ignored.
     *
     * @return empty when the path is refused (see the class description)
     */
    public static Optional<AssetPath> parse(String rawPath) {
        if (rawPath == null) {
            return Optional.empty();
        }
        String path = rawPath.split("[?#]", 2)[0];
        path = path.startsWith("/") ? path.substring(1) : path;
        if (path.isEmpty()) {
            return Optional.of(ROOT);
        }
        String[] raw = path.split("/", -1);
        String[] decoded = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Optional<String> segment = decode(raw[i]).filter(AssetPath::isPlainName);
            if (segment.isEmpty()) {
                return Optional.empty();
            }
            decoded[i] = segment.get();
        }
        return Optional.of(new AssetPath(List.of(decoded)));
    }

    /** The segments, never {@code .}, {@code ..} or empty; an empty list for the root. */
    public List<String> segments() {
        return segments;
    }

    /** True for the empty path, the request for {@code /}. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment, or {@code ""} for the root. */
    public String fileName() {
        return isRoot() ? "" : segments.get(segments.size() - 1);
    }

    /** True when a segment starts with a dot ({@code .env}, {@code .git/config}). */
    public boolean isHidden() {
        return segments.stream().anyMatch(segment -> segment.startsWith("."));
    }

    static boolean isPlainName(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '%' || c == ':') {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return Optional.of(segment);
        }
        byte[] in = segment.getBytes(StandardCharsets.UTF_8); // '%' and hex digits are single bytes in UTF-8
        ByteBuffer out = ByteBuffer.allocate(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.put(in[i]);
                continue;
            }
            int value = i + 2 < in.length ? hex(in[i + 1]) * 16 + hex(in[i + 2]) : -1;
            if (value < 0) {
                return Optional.empty();
            }
            out.put((byte) value);
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(out.flip()).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** ASCII hex only: {@link Character#digit} would also accept full-width and other Unicode digits. */
    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return (c | 0x20) - 'a' + 10;
        }
        return -256; // keeps any sum with it negative
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AssetPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The relative path with {@code /} separators, e.g. {@code assets/app.js}; {@code ""} for the root. */
    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
