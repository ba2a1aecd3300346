package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Closes the client's connection in the middle of an answer, so that a client whose answer broke
 * off upstream sees an error instead of a body that looks whole. The Servlet API has no way to do
 * that: after {@code AsyncContext.complete()} Payara ends a chunked body cleanly, and leaves a
 * body short of its {@code Content-Length} hanging until the keep-alive timeout (30 s) — both
 * measured. So this reaches, once and by reflection, into Payara's (GlassFish's) web container:
 * {@code ResponseFacade.response.getCoyoteResponse().getRequest().getConnection().closeSilently()}. On any
 * other container it does nothing and says so.
 *
 * <p>Thread-safe. Used only on the rare path of a broken answer; the lookups happen once.
 */
final class ConnectionBreaker {

    private static final Logger LOG = Logger.getLogger(ConnectionBreaker.class.getName());

    private static volatile Access access;

    private ConnectionBreaker() {
    }

    /** @return whether the connection was closed */
    static boolean breakConnection(ServletResponse response) {
        ServletResponse unwrapped = response;
        while (unwrapped instanceof ServletResponseWrapper wrapper) {
            unwrapped = wrapper.getResponse();
        }
        Access resolved = access;
        if (resolved == null) {
            resolved = Access.resolve(unwrapped.getClass());
            access = resolved;
        }
        return resolved.close(unwrapped);
    }

    /** The reflective path to the connection, or none when the container is not Payara's. */
    private record Access(Field facadeResponse, Method coyoteResponse, Method request, Method connection,
                          Method closeSilently) {

        static Access resolve(Class<?> facade) {
            try {
                Field field = facade.getDeclaredField("response");
                field.setAccessible(true);
                Method coyote = field.getType().getMethod("getCoyoteResponse");
                Method request = coyote.getReturnType().getMethod("getRequest");
                Method connection = request.getReturnType().getMethod("getConnection");
                Method close = connection.getReturnType().getMethod("closeSilently");
                return new Access(field, coyote, request, connection, close);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.WARNING, () -> "Cannot break connections on this container (" + facade.getName()
                        + "): a broken upstream answer ends like a whole one; " + e);
                return new Access(null, null, null, null, null);
            }
        }

        boolean close(ServletResponse response) {
            if (facadeResponse == null || !facadeResponse.getDeclaringClass().isInstance(response)) {
                return false;
            }
            try {
                Object coyote = coyoteResponse.invoke(facadeResponse.get(response));
                Object connection = this.connection.invoke(request.invoke(coyote));
                closeSilently.invoke(connection);
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, () -> "Could not break a connection: " + e);
                return false;
            }
        }
    }
}
