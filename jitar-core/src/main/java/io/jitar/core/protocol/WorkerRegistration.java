package io.jitar.core.protocol;

import java.util.List;

/**
 * Body of {@code POST /workers}: a worker announcing itself to a gateway. Compatible with the
 * original ({@code url}, {@code procedureNames}, {@code trustKey}); {@code idempotentProcedureNames}
 * is ours and optional: the procedures a gateway may retry on another worker after the request
 * was sent. The trust key may also come in the {@code X-Jitar-Trust-Key} header.
 */
public record WorkerRegistration(String url, List<String> procedureNames, List<String> idempotentProcedureNames,
                                 String trustKey) {
}
