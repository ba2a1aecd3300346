package io.jitar.core.binding;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * One named parameter of a procedure: its declared generic type, the raw class of the value to
 * produce, and whether it may be left out ({@code Optional<T>} parameters may; all others may not).
 */
public record Parameter(String name, Type type, Class<?> rawType, boolean optional) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawType, "rawType");
    }

    /** Describes parameter {@code name} declared with {@code declaredType}. */
    public static Parameter of(String name, Type declaredType) {
        if (declaredType instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
            Type inner = generic.getActualTypeArguments()[0];
            return new Parameter(name, inner, rawClass(inner), true);
        }
        if (declaredType == Optional.class) {
            return new Parameter(name, Object.class, Object.class, true);
        }
        return new Parameter(name, declaredType, rawClass(declaredType), false);
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** The value a missing optional parameter takes. */
    Object absentValue() {
        return Optional.empty();
    }

    /** Wraps a converted value the way the method declares it. */
    Object wrap(Object value) {
        return optional ? Optional.ofNullable(value) : value;
    }
}
