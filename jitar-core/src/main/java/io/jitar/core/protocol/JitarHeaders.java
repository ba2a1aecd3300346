package io.jitar.core.protocol;

/** Header names of the wire protocol, compatible with the original Jitar. */
public final class JitarHeaders {

    public static final String PROCEDURE_VERSION = "X-Jitar-Procedure-Version";
    public static final String TRUST_KEY = "X-Jitar-Trust-Key";
    public static final String CONTENT_TYPE = "X-Jitar-Content-Type";
    /**
     * On a remote call: the procedure that made it. The callee counts the call apart from its
     * clients' (the caller counts it too); a name of the segment files, never a value. Ours only:
     * the original ignores it.
     */
    public static final String CALLER = "X-Jitar-Caller";
    /**
     * On a gateway's answer: {@code true} when every worker offering the procedure declared it
     * idempotent, so a proxy may send it to another gateway after one failed while it was on its
     * way, as the gateway itself does between workers.
     */
    public static final String IDEMPOTENT = "X-Jitar-Idempotent";

    private JitarHeaders() {
    }
}
