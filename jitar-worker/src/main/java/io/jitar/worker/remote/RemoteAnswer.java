package io.jitar.worker.remote;

/** What a callee (or the gateway) answered a remote call: status, {@code X-Jitar-Content-Type} (or null) and body. */
record RemoteAnswer(int status, String jitarContentType, String body) {
}
