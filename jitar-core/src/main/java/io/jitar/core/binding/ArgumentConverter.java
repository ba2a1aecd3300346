package io.jitar.core.binding;

import io.jitar.errors.BadRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts one argument to a parameter's declared (generic) type with JSON-B. Scalars are checked
 * strictly (a string is no number, 1.5 is no int) and converted without JSON-B for speed; records,
 * collections, {@code java.time}, enums and nested objects go through JSON-B.
 *
 * <p>Holds one {@link Jsonb} for its whole life; thread-safe.
 */
public final class ArgumentConverter {

    /** Most digits a {@link BigInteger} argument may have; JSON-P's own default limit. */
    private static final int MAX_INTEGER_DIGITS = 100_000;

    private final Jsonb jsonb;

    public ArgumentConverter(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    /**
     * Converts {@code value} (a {@link JsonValue}, a {@link QueryText} or a plain Java object set by
     * middleware) for {@code parameter}; the result is not yet wrapped in {@code Optional}.
     *
     * @throws BadRequestException naming the parameter when the value does not fit its type
     */
    public Object convert(Object value, Parameter parameter) {
        try {
            if (value == null || value == JsonValue.NULL) {
                return nullFor(parameter);
            }
            if (value instanceof JsonValue json) {
                return fromJson(json, parameter);
            }
            if (value instanceof QueryText query) {
                return fromQuery(query.text(), parameter);
            }
            return fromObject(value, parameter);
        } catch (JsonbException | ArithmeticException | NumberFormatException | ClassCastException e) {
            throw wrongType(parameter);
        }
    }

    private static Object nullFor(Parameter parameter) {
        if (parameter.rawType().isPrimitive()) {
            throw new BadRequestException("Parameter '" + parameter.name() + "' must not be null");
        }
        return null;
    }

    private Object fromJson(JsonValue json, Parameter parameter) {
        Class<?> raw = boxed(parameter.rawType());
        if (raw == String.class) {
            if (!(json instanceof JsonString string)) {
                throw wrongType(parameter);
            }
            return string.getString();
        }
        if (Number.class.isAssignableFrom(raw)) {
            if (!(json instanceof JsonNumber number)) {
                throw wrongType(parameter);
            }
            return number(number, raw, parameter);
        }
        if (raw == Boolean.class) {
            if (json != JsonValue.TRUE && json != JsonValue.FALSE) {
                throw wrongType(parameter);
            }
            return json == JsonValue.TRUE;
        }
        return jsonb.fromJson(json.toString(), parameter.type());
    }

    private Object fromQuery(String text, Parameter parameter) {
        Class<?> raw = boxed(parameter.rawType());
        if (raw == String.class || raw == Object.class) {
            return text;
        }
        if (Number.class.isAssignableFrom(raw)) {
            return number(new BigDecimal(text.trim()), raw, parameter);
        }
        if (raw == Boolean.class) {
            if ("true".equals(text) || "false".equals(text)) {
                return Boolean.valueOf(text);
            }
            throw wrongType(parameter);
        }
        return jsonb.fromJson(looksLikeJson(text) ? text : jsonb.toJson(text), parameter.type());
    }

    private Object fromObject(Object value, Parameter parameter) {
        // Only a non-generic type can be checked with isInstance: a List<Map> is no List<Point>.
        if (parameter.type() instanceof Class<?> && boxed(parameter.rawType()).isInstance(value)) {
            return value;
        }
        return jsonb.fromJson(jsonb.toJson(value), parameter.type());
    }

    private static Object number(JsonNumber number, Class<?> raw, Parameter parameter) {
        if (raw == Double.class || raw == Float.class || raw == BigDecimal.class || raw == Number.class) {
            return number(number.bigDecimalValue(), raw, parameter);
        }
        if (!number.isIntegral()) {
            throw wrongType(parameter);
        }
        return number(number.bigDecimalValue(), raw, parameter);
    }

    private static Object number(BigDecimal number, Class<?> raw, Parameter parameter) {
        if (raw == Integer.class) {
            return number.intValueExact();
        }
        if (raw == Long.class) {
            return number.longValueExact();
        }
        if (raw == Short.class) {
            return number.shortValueExact();
        }
        if (raw == Byte.class) {
            return number.byteValueExact();
        }
        if (raw == Double.class) {
            return number.doubleValue();
        }
        if (raw == Float.class) {
            return number.floatValue();
        }
        if (raw == BigInteger.class) {
            if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
                throw wrongType(parameter); // 1e99999999 would take minutes to expand
            }
            return number.toBigIntegerExact();
        }
        if (raw == BigDecimal.class || raw == Number.class) {
            return number;
        }
        throw wrongType(parameter);
    }

    private static boolean looksLikeJson(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '{' || first == '[' || first == '"';
    }

    private static BadRequestException wrongType(Parameter parameter) {
        return new BadRequestException("Invalid value for parameter '" + parameter.name() + "': expected "
                + describe(parameter));
    }

    private static String describe(Parameter parameter) {
        Class<?> raw = boxed(parameter.rawType());
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Boolean.class) {
            return "a boolean";
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        return parameter.type().getTypeName().replaceAll("([a-z0-9_]+\\.)+", "");
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
