package io.jitar.assets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validators a client sent with a GET or HEAD, and whether its cached copy is still current
 * (then the answer is 304 Not Modified), following RFC 9110 section 13.2.2:
 * <ul>
 * <li>{@code If-None-Match} wins when present: {@code *} or any listed entity tag equal to the
 * asset's by weak comparison (the {@code W/} prefix ignored) means not modified;</li>
 * <li>otherwise {@code If-Modified-Since}: not modified when the asset did not change after that
 * date, compared in whole seconds; a date that does not parse is ignored.</li>
 * </ul>
 *
 * @param ifNoneMatch     the raw {@code If-None-Match} value, if sent
 * @param ifModifiedSince the parsed {@code If-Modified-Since} date, if sent and valid
 */
public record ConditionalRequest(Optional<String> ifNoneMatch, Optional<Instant> ifModifiedSince) {

    public static final String IF_NONE_MATCH = "If-None-Match";
    public static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    /** One entity tag in a list: optional weak prefix, then a quoted opaque tag. */
    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?(\"[^\"]*\")");

    /** A request without validators: never "not modified". */
    public static final ConditionalRequest NONE = new ConditionalRequest(Optional.empty(), Optional.empty());

    /** From the raw header values, each possibly {@code null}. */
    public static ConditionalRequest of(String ifNoneMatch, String ifModifiedSince) {
        return new ConditionalRequest(Optional.ofNullable(ifNoneMatch).map(String::trim).filter(v -> !v.isEmpty()),
                HttpDates.parse(ifModifiedSince));
    }

    /** True when the client's copy of {@code asset} is current, so 304 is the answer. */
    public boolean isNotModified(Asset asset) {
        if (ifNoneMatch.isPresent()) {
            return matches(ifNoneMatch.get(), asset.entityTag());
        }
        return ifModifiedSince
                .map(since -> !asset.lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                .orElse(false);
    }

    private static boolean matches(String list, String entityTag) {
        if (list.equals("*")) {
            return true;
        }
        String opaque = opaqueTag(entityTag);
        Matcher matcher = ENTITY_TAG.matcher(list);
        while (matcher.find()) {
            if (matcher.group(1).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaqueTag(String entityTag) {
        return entityTag.startsWith("W/") ? entityTag.substring(2) : entityTag;
    }
}
