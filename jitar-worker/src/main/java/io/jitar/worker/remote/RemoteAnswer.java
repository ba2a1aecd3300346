package io.jitar.worker.remote;

/**
 * What a callee (or the gateway) answered a remote call: status, {@code X-Jitar-Content-Type} (or
 * null) and body, with the sizes of the request and answer bodies and whether the call went
 * through the gateway (for the call graph).
 */
record RemoteAnswer(int status, String jitarContentType, String body, int sentBytes, int receivedBytes,
                    boolean viaGateway) {
}
