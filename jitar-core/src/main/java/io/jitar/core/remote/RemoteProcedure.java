package io.jitar.core.remote;

import io.jitar.core.procedure.Fqn;
import io.jitar.Version;
import io.jitar.core.protocol.ContentTypes;
import jakarta.json.bind.Jsonb;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How one interface method is called remotely: its FQN and version, its parameters by name with
 * their declared generic types (so JSON-B writes records, collections and {@code java.time}
 * faithfully), and how the answer turns back into the declared return type. Prepared once per
 * method; immutable and thread-safe.
 */
public final class RemoteProcedure {

    private final Fqn fqn;
    private final Version version;
    private final String[] names;
    private final Type[] types;
    private final Type resultType;
    private final boolean asynchronous;
    private final ClassLoader loader;

    private RemoteProcedure(Fqn fqn, Version version, String[] names, Type[] types, Type resultType, boolean asynchronous,
                            ClassLoader loader) {
        this.loader = loader;
        this.fqn = fqn;
        this.version = version;
        this.names = names;
        this.types = types;
        this.resultType = resultType;
        this.asynchronous = asynchronous;
    }

    public static RemoteProcedure of(Method method, Fqn fqn, Version version) {
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        String[] names = new String[parameters.length];
        Type[] types = new Type[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            names[i] = parameters[i].getName();
            types[i] = parameters[i].getParameterizedType();
        }
        Type returned = method.getGenericReturnType();
        boolean asynchronous = method.getReturnType() == CompletionStage.class;
        Type resultType = asynchronous ? firstArgument(returned) : returned;
        return new RemoteProcedure(fqn, version, names, types, resultType, asynchronous,
                method.getDeclaringClass().getClassLoader());
    }

    private static Type firstArgument(Type type) {
        return type instanceof ParameterizedType generic ? generic.getActualTypeArguments()[0] : Object.class;
    }

    public Fqn fqn() {
        return fqn;
    }

    public Version version() {
        return version;
    }

    /** The application's class loader, where a remote exception's class is looked for. */
    public ClassLoader loader() {
        return loader;
    }

    public boolean isAsynchronous() {
        return asynchronous;
    }

    /** The named-argument JSON object for a call; empty {@code Optional}s are left out. */
    public String body(Object[] arguments, Jsonb jsonb) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            Object value = arguments == null ? null : arguments[i];
            Type type = types[i];
            if (value instanceof Optional<?> optional) {
                if (optional.isEmpty()) {
                    continue;
                }
                value = optional.get();
                type = firstArgument(type);
            }
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(jsonb.toJson(names[i])).append(':').append(value == null ? "null" : jsonb.toJson(value, type));
        }
        return json.append('}').toString();
    }

    /** Turns a successful answer into the declared result type (the {@code T} of {@code CompletionStage<T>}). */
    public Object result(String jitarContentType, String body, Jsonb jsonb) {
        if (resultType == void.class || resultType == Void.class) {
            return null;
        }
        if (ContentTypes.NULL.equals(jitarContentType) || ContentTypes.UNDEFINED.equals(jitarContentType)) {
            return null;
        }
        if (resultType == String.class && ContentTypes.TEXT.equals(jitarContentType)) {
            return body;
        }
        if (ContentTypes.TEXT.equals(jitarContentType)) {
            return jsonb.fromJson(jsonb.toJson(body), resultType);
        }
        if (resultType == Object.class && ContentTypes.NUMBER.equals(jitarContentType)) {
            return new BigDecimal(body);
        }
        return jsonb.fromJson(body, resultType);
    }
}
