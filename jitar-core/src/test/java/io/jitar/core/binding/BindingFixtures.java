package io.jitar.core.binding;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hand-written types, procedure interfaces and lookups shared by the binding tests. Public, like
 * an application's own types, because JSON-B only binds public classes.
 */
public final class BindingFixtures {

    public record Point(int x, int y) {
    }

    public record Owner(String name, LocalDate since) {
    }

    public record Route(String name, List<Point> points, Owner owner) {
    }

    public enum Color {
        RED, GREEN
    }

    /** One parameter of every type the converter tests need; only its declaration matters. */
    public interface TypeSamples {

        @SuppressWarnings("unused")
        <T> void sample(String name, int count, long total, short small, byte tiny, double ratio, float weight,
                        boolean active, Boolean maybe, Integer boxedCount, BigInteger huge, BigDecimal amount,
                        Number anything, Object raw, Color color, LocalDate day, UUID id, Point origin, Route route,
                        List<Point> points, List<Integer> numbers, Map<String, Integer> scores, Optional<String> user,
                        Optional<List<String>> tags, @SuppressWarnings("rawtypes") Optional untyped, T generic);
    }

    /** A procedure module as an application would declare it. */
    public interface GameModule {

        String score(String player, int points);

        String greet(String name, Optional<String> user);

        String whoAmI(Optional<String> user);

        String ping();
    }

    private BindingFixtures() {
    }

    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("fixture method " + name + " missing"));
    }

    /** The declared (generic) type of {@link TypeSamples#sample} parameter {@code name}. */
    static Type declaredType(String name) {
        java.lang.reflect.Parameter[] parameters = method(TypeSamples.class, "sample").getParameters();
        return Arrays.stream(parameters)
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("fixture parameter " + name + " missing"))
                .getParameterizedType();
    }

    /** {@link TypeSamples#sample} parameter {@code name} as the binder sees it. */
    static Parameter sample(String name) {
        return Parameter.of(name, declaredType(name));
    }
}
