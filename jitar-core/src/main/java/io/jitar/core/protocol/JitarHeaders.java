package io.jitar.core.protocol;

/** Header names of the wire protocol, compatible with the original Jitar. */
public final class JitarHeaders {

    public static final String PROCEDURE_VERSION = "X-Jitar-Procedure-Version";
    public static final String TRUST_KEY = "X-Jitar-Trust-Key";
    public static final String CONTENT_TYPE = "X-Jitar-Content-Type";

    private JitarHeaders() {
    }
}
