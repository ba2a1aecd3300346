package io.jitar.worker.rpc;

import io.jitar.errors.BadRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string exactly as JAX-RS ({@code UriInfo.getQueryParameters()}) did when
 * {@code /rpc} was a JAX-RS resource, so that no client sees a difference: split at {@code &},
 * name and value split at the first {@code =}, both form-decoded as UTF-8 ({@code +} is a space),
 * a parameter without {@code =} has the value {@code ""}, one with an empty name is ignored. A
 * broken escape ({@code %zz}) is a 400 naming it. Never reads a request body,
 * unlike {@code ServletRequest.getParameterMap()} for form posts.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        int start = 0;
        while (start < rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                add(parameters, rawQuery.substring(start, end));
            }
            start = end + 1;
        }
        return parameters;
    }

    private static void add(Map<String, List<String>> parameters, String parameter) {
        try {
            addDecoded(parameters, parameter);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Malformed query parameter '" + parameter + "': " + e.getMessage());
        }
    }

    private static void addDecoded(Map<String, List<String>> parameters, String parameter) {
        int equals = parameter.indexOf('=');
        if (equals == 0) {
            return;
        }
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        String value = equals < 0 ? "" : URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
        parameters.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), key -> new ArrayList<>(1)).add(value);
    }
}
