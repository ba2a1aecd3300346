package io.jitar.core.protocol;

/** Body of {@code POST /workers/{id}/report}: {@code starting}, {@code available}, {@code unavailable}, {@code stopping} or {@code stopped}. */
public record WorkerReport(String state) {
}
