package io.jitar.worker.metrics;

/** The {@code outcome} tag of a call: {@code ok}, {@code 4xx} (the caller's fault) or {@code 5xx}. */
enum Outcome {
    OK("ok"), CLIENT_ERROR("4xx"), SERVER_ERROR("5xx");

    final String tag;

    Outcome(String tag) {
        this.tag = tag;
    }

    static Outcome of(int status) {
        return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : OK;
    }
}
