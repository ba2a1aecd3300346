package io.jitar.worker.cluster;

import io.jitar.core.protocol.ErrorBody;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;

/**
 * A gateway answered a registry call with an error status: it was reached, and it said no (a wrong
 * trust key, a body it does not accept). Carries the status and the gateway's own message, read
 * from our JSON error body or, from the original Jitar's gateway, from its plain-text answer, so
 * that the worker's log names what to fix.
 */
final class GatewayRefusedException extends RuntimeException {

    static final int MAX_MESSAGE = 300;

    /** What the original Jitar's strict validator answers for a field it does not know. */
    private static final String UNKNOWN_FIELD = "Unknown field '";

    private final int status;
    private final String gatewayMessage;

    GatewayRefusedException(int status, String gatewayMessage) {
        super("status " + status + ": " + gatewayMessage);
        this.status = status;
        this.gatewayMessage = gatewayMessage;
    }

    /** Reads the gateway's message from {@code body}: JSON {@link ErrorBody} or text, shortened to one line. */
    static GatewayRefusedException of(int status, String body, Jsonb jsonb) {
        return new GatewayRefusedException(status, message(body, jsonb));
    }

    int status() {
        return status;
    }

    String gatewayMessage() {
        return gatewayMessage;
    }

    /** {@code true} for the original gateway's 400 for fields it does not know (ours, the extra ones). */
    boolean isUnknownFieldRefusal() {
        return status == 400 && gatewayMessage.contains(UNKNOWN_FIELD);
    }

    private static String message(String body, Jsonb jsonb) {
        if (body == null || body.isBlank()) {
            return "(no message)";
        }
        String text = body.strip();
        if (text.startsWith("<")) {
            return "(an HTML page: no gateway is deployed at that URL, or not yet)";
        }
        if (text.startsWith("{")) {
            try {
                ErrorBody error = jsonb.fromJson(text, ErrorBody.class);
                if (error != null && error.message() != null) {
                    text = error.message();
                }
            } catch (JsonbException | IllegalArgumentException e) {
                // not our error format: show the text itself
            }
        }
        // One log line: the original joins its validation messages with new lines.
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", "; ").replaceAll("\\p{Cntrl}", "?");
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
