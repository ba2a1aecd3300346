package io.jitar.proxy.routing;

/** Percent-encoding of request paths and queries (RFC 3986), byte-exact and without normalizing. */
final class UriText {

    /** Characters a path may hold unescaped, besides letters and digits. */
    static final String PATH = "-._~!$&'()*+,;=:@/%";

    /** Characters a query may hold unescaped, besides letters and digits. */
    static final String QUERY = PATH + "?";

    /** Printable ASCII that clients leave unescaped although a URI may not hold it. */
    private static final String ESCAPED = " \"<>\\^`{|}[]#";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriText() {
    }

    /**
     * {@code text} with printable ASCII that a URI does not allow percent-encoded; returns
     * {@code text} itself when nothing needed encoding (the common case allocates nothing).
     * A raw backslash is encoded too and then refused by the caller's segment check.
     *
     * @param part named in the message: {@code path} or {@code query}
     * @throws MalformedRequestException for control characters, characters beyond ASCII and
     *                                   malformed percent-escapes
     */
    static String escape(String text, String allowed, String part) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                checkEscape(text, i, part);
            }
            if (isUnreserved(c) || allowed.indexOf(c) >= 0) {
                if (escaped != null) {
                    escaped.append(c);
                }
            } else if (ESCAPED.indexOf(c) >= 0) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                throw new MalformedRequestException("Malformed URL: the " + part
                        + " holds a character that must be percent-encoded");
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** {@code text} percent-decoded to one char per byte (ISO-8859-1): enough to compare with ASCII. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                decoded.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static void checkEscape(String text, int at, String part) {
        if (at + 2 >= text.length() || !isHex(text.charAt(at + 1)) || !isHex(text.charAt(at + 2))) {
            throw new MalformedRequestException("Malformed URL: bad percent-encoding in the " + part);
        }
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
