package io.jitar.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Payara Micro process that logged "ready" but accepts no connection on its HTTP port. Raised
 * seconds after the ready line, not at the end of the start limit, with what the process listens
 * on and the end of its log, so the cause can be seen where the failure is reported.
 */
public final class NeverListened extends AssertionError {

    private static final long serialVersionUID = 1L;

    NeverListened(String name, int port, Optional<List<InetSocketAddress>> listening, String logTail, Path log) {
        super(name + " logged ready but accepts no connection on 127.0.0.1:" + port
                + "; it listens on " + listening.map(Object::toString).orElse("(unknown)")
                + "; log " + log + " ends:\n" + logTail);
    }
}
