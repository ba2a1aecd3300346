package io.jitar.repository.http;

import io.jitar.assets.AssetAnswer;
import java.util.Map;

/** JSON answers for errors the container reports (bad requests, failures): status and its reason, nothing else. */
final class ErrorAnswers {

    private static final Map<Integer, String> REASONS = Map.of(
            400, "Bad request",
            404, "Not found",
            405, "Method not allowed",
            413, "Request too large",
            414, "URI too long",
            500, "Internal server error",
            503, "Service unavailable");

    private ErrorAnswers() {
    }

    /** @param status the status the container set (an Integer), or anything else for 500 */
    static AssetAnswer forStatus(Object status) {
        int code = status instanceof Integer number && number >= 400 && number <= 599 ? number : 500;
        String reason = REASONS.getOrDefault(code, code < 500 ? "Bad request" : "Internal server error");
        return AssetAnswer.error(code, reason, Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"),
                true);
    }
}
