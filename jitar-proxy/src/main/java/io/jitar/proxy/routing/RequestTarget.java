package io.jitar.proxy.routing;

import java.util.Objects;

/**
 * The path and query of a request, checked so that the proxy and the upstream cannot read them
 * differently, and made valid as a URI. Built from the raw, still percent-encoded request line
 * (for a servlet: {@code getRequestURI()} without the context path, and {@code getQueryString()}).
 *
 * <p>Refused with {@link MalformedRequestException} (400), because a server behind the proxy may
 * normalize them into another route ({@code /assets/..%2Frpc/x} into {@code /rpc/x}):
 * <ul>
 *   <li>a path that does not start with {@code /};</li>
 *   <li>a segment that is {@code .} or {@code ..}, also percent-encoded or followed by path
 *       parameters ({@code /%2e%2e;x/});</li>
 *   <li>an encoded slash or backslash ({@code %2F}, {@code %5C}), a raw backslash, an encoded
 *       NUL or other control character, an empty segment ({@code //}) before the last;</li>
 *   <li>a malformed percent-escape, a control character, or a character beyond ASCII (clients
 *       percent-encode those).</li>
 * </ul>
 * Printable ASCII that a URI does not allow unescaped ({@code "<>^`{|}} and space) is
 * percent-encoded, as browsers do; nothing else is changed.
 *
 * @param path         the path to forward, starting with {@code /}
 * @param query        the query to forward, or {@code null} for none
 * @param firstSegment the first path segment decoded and without path parameters: what routes
 */
public record RequestTarget(String path, String query, String firstSegment) {

    public RequestTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(firstSegment, "firstSegment");
    }

    /**
     * @param rawPath  the percent-encoded path; {@code null} or empty means {@code /}
     * @param rawQuery the percent-encoded query without {@code ?}, or {@code null}
     * @throws MalformedRequestException naming what is wrong
     */
    public static RequestTarget parse(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : UriText.escape(rawPath, UriText.PATH, "path");
        if (path.charAt(0) != '/') {
            throw new MalformedRequestException("Malformed URL: the path must start with '/'");
        }
        String query = rawQuery == null ? null : UriText.escape(rawQuery, UriText.QUERY, "query");
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            checkSegment(segments[i], i == segments.length - 1);
        }
        return new RequestTarget(path, query, UriText.decode(withoutParameters(segments[1])));
    }

    private static void checkSegment(String segment, boolean last) {
        String name = withoutParameters(segment);
        if (name.isEmpty() && !last) {
            throw new MalformedRequestException("Malformed URL: empty path segment ('//')");
        }
        String decoded = UriText.decode(name);
        if (decoded.equals(".") || decoded.equals("..")) {
            throw new MalformedRequestException("Malformed URL: '.' and '..' path segments are not allowed");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/' || c == '\\') {
                throw new MalformedRequestException("Malformed URL: encoded slashes and backslashes are not allowed");
            }
            if (c < ' ' || c == 0x7F) {
                throw new MalformedRequestException("Malformed URL: encoded control characters are not allowed");
            }
        }
    }

    /** Path parameters ({@code ;jsessionid=1}) are dropped by servers before they map a segment. */
    private static String withoutParameters(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }
}
