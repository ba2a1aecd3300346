package io.jitar.core.binding;

import io.jitar.errors.BadRequestException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the named arguments of a call become the positional arguments of one method. Made once per
 * procedure at start (reflection happens here, never per call); immutable and thread-safe.
 *
 * <p>Names starting with {@code *} are optional arguments, typically added by middleware: they
 * bind when the procedure declares that parameter and are dropped otherwise. Any other name the
 * procedure does not declare is refused, so a typo never passes unnoticed.
 */
public final class BindingPlan {

    /** Prefix of an argument passed only to procedures that declare it. */
    public static final String OPTIONAL_PREFIX = "*";

    private final List<Parameter> parameters;
    private final Map<String, Integer> positions;

    public BindingPlan(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.parameters.size(); i++) {
            index.put(this.parameters.get(i).name(), i);
        }
        this.positions = Map.copyOf(index);
    }

    /**
     * The plan for {@code method}.
     *
     * @throws IllegalStateException when the class was compiled without {@code -parameters}
     */
    public static BindingPlan of(Method method) {
        java.lang.reflect.Parameter[] declared = method.getParameters();
        Parameter[] parameters = new Parameter[declared.length];
        for (int i = 0; i < declared.length; i++) {
            if (!declared[i].isNamePresent()) {
                throw new IllegalStateException("parameter names of " + method.getDeclaringClass().getName() + "#"
                        + method.getName() + " are missing: compile the application with -parameters "
                        + "(maven-compiler-plugin <parameters>true</parameters>)");
            }
            parameters[i] = Parameter.of(declared[i].getName(), declared[i].getParameterizedType());
        }
        return new BindingPlan(List.of(parameters));
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Converts named {@code arguments} into the method's positional arguments.
     *
     * @throws BadRequestException naming the parameter that is missing, unknown or of the wrong type
     */
    public Object[] bind(Map<String, Object> arguments, ArgumentConverter converter) {
        Object[] values = new Object[parameters.size()];
        boolean[] present = new boolean[parameters.size()];
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            String name = argument.getKey();
            boolean optionalArgument = name.startsWith(OPTIONAL_PREFIX);
            String parameterName = optionalArgument ? name.substring(OPTIONAL_PREFIX.length()) : name;
            Integer position = positions.get(parameterName);
            if (position == null) {
                if (optionalArgument) {
                    continue;
                }
                throw new BadRequestException("Unknown parameter '" + shorten(name) + "'");
            }
            if (present[position] && optionalArgument) {
                continue; // an explicit argument wins over one a middleware offers
            }
            Parameter parameter = parameters.get(position);
            values[position] = parameter.wrap(converter.convert(argument.getValue(), parameter));
            present[position] = true;
        }
        for (int i = 0; i < values.length; i++) {
            if (!present[i]) {
                values[i] = missing(parameters.get(i));
            }
        }
        return values;
    }

    private static Object missing(Parameter parameter) {
        if (!parameter.optional()) {
            throw new BadRequestException("Missing required parameter '" + parameter.name() + "'");
        }
        return parameter.absentValue();
    }

    private static String shorten(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "...";
    }
}
