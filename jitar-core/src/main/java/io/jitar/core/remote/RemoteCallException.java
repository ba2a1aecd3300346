package io.jitar.core.remote;

import io.jitar.errors.JitarException;

/**
 * A remote procedure failed with an error whose type is not on this side's classpath (or is not
 * a runtime exception that can be rebuilt): it keeps the remote status and message.
 */
public class RemoteCallException extends JitarException {

    private final String remoteType;

    public RemoteCallException(int status, String message, String remoteType) {
        super(status, message);
        this.remoteType = remoteType;
    }

    /** The remote exception's class name, when the remote side named it. */
    public String remoteType() {
        return remoteType;
    }
}
