package io.jitar.core.protocol;

import java.util.Map;

/** A response ready for the wire: status, both content types, body bytes and extra headers. */
public record EncodedResponse(int status, String contentType, String jitarContentType, byte[] body,
                              Map<String, String> headers) {
}
