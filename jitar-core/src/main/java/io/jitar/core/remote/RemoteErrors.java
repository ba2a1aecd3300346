package io.jitar.core.remote;

import io.jitar.core.protocol.ErrorBody;
import io.jitar.errors.BadRequestException;
import io.jitar.errors.ForbiddenException;
import io.jitar.errors.NotFoundException;
import io.jitar.errors.NotImplementedException;
import io.jitar.errors.PaymentRequiredException;
import io.jitar.errors.ServerErrorException;
import io.jitar.errors.TeapotException;
import io.jitar.errors.UnauthorizedException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Constructor;

/**
 * Rebuilds the exception a remote procedure threw from its {@link ErrorBody}: the same class and
 * message when that class is on the classpath and has a {@code (String)} constructor; otherwise
 * the runtime's exception for the status; otherwise a {@link RemoteCallException}.
 */
public final class RemoteErrors {

    private RemoteErrors() {
    }

    public static RuntimeException toException(int status, String body, Jsonb jsonb, ClassLoader loader) {
        ErrorBody error = parse(status, body, jsonb);
        if (error.type() != null) {
            RuntimeException rebuilt = rebuild(error.type(), error.message(), loader);
            if (rebuilt != null) {
                return rebuilt;
            }
        }
        return byStatus(status, error.message(), error.type());
    }

    private static ErrorBody parse(int status, String body, Jsonb jsonb) {
        try {
            ErrorBody error = jsonb.fromJson(body, ErrorBody.class);
            if (error != null && error.message() != null) {
                return error;
            }
        } catch (JsonbException | IllegalArgumentException e) {
            // not our error format: a proxy or server page; keep the status
        }
        return new ErrorBody(status, "Remote call failed with status " + status, null);
    }

    private static RuntimeException rebuild(String type, String message, ClassLoader loader) {
        try {
            Class<?> found = Class.forName(type, false, loader);
            if (!RuntimeException.class.isAssignableFrom(found)) {
                return null;
            }
            Constructor<?> constructor = found.getConstructor(String.class);
            return (RuntimeException) constructor.newInstance(message);
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
    }

    private static RuntimeException byStatus(int status, String message, String type) {
        return switch (status) {
            case 400 -> new BadRequestException(message);
            case 401 -> new UnauthorizedException(message);
            case 402 -> new PaymentRequiredException(message);
            case 403 -> new ForbiddenException(message);
            case 404 -> new NotFoundException(message);
            case 418 -> new TeapotException(message);
            case 500 -> new ServerErrorException(message);
            case 501 -> new NotImplementedException(message);
            default -> new RemoteCallException(status < 400 || status > 599 ? 502 : status, message, type);
        };
    }
}
