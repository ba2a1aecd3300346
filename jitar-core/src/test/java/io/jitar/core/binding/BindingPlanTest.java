package io.jitar.core.binding;

import static io.jitar.core.binding.BindingFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.core.binding.BindingFixtures.GameModule;
import io.jitar.errors.BadRequestException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BindingPlanTest {

    private static final JsonValue ANN = Json.createValue("ann");
    private static final JsonValue BOB = Json.createValue("bob");
    private static final JsonValue THREE = Json.createValue(3);

    private static final BindingPlan SCORE = BindingPlan.of(method(GameModule.class, "score"));
    private static final BindingPlan GREET = BindingPlan.of(method(GameModule.class, "greet"));
    private static final BindingPlan WHO_AM_I = BindingPlan.of(method(GameModule.class, "whoAmI"));
    private static final BindingPlan PING = BindingPlan.of(method(GameModule.class, "ping"));

    private static Jsonb jsonb;
    private static ArgumentConverter converter;

    @BeforeAll
    static void createConverter() {
        jsonb = JsonbBuilder.create();
        converter = new ArgumentConverter(jsonb);
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    /** Arguments in the given order: name, value, name, value... */
    private static Map<String, Object> arguments(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    @Test
    void readsParameterNamesTypesAndOptionality() {
        assertThat(GREET.parameters()).containsExactly(
                new Parameter("name", String.class, String.class, false),
                new Parameter("user", String.class, String.class, true));
    }

    @Test
    void refusesMethodsCompiledWithoutParameterNames() throws NoSuchMethodException {
        // JDK classes are compiled without -parameters.
        assertThatThrownBy(() -> BindingPlan.of(String.class.getMethod("substring", int.class, int.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parameter names of java.lang.String#substring are missing")
                .hasMessageContaining("-parameters");
    }

    @Test
    void bindsNamedArgumentsToPositions() {
        Object[] values = SCORE.bind(arguments("points", THREE, "player", ANN), converter);

        assertThat(values).containsExactly("ann", 3);
    }

    @Test
    void bindsNoArguments() {
        assertThat(PING.bind(Map.of(), converter)).isEmpty();
    }

    @Test
    void refusesMissingRequiredArgumentNamingIt() {
        assertThatThrownBy(() -> SCORE.bind(arguments("player", ANN), converter))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Missing required parameter 'points'");
    }

    @Test
    void refusesUnknownArgumentNamingIt() {
        assertThatThrownBy(() -> SCORE.bind(arguments("player", ANN, "points", THREE, "pionts", THREE), converter))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Unknown parameter 'pionts'");
    }

    @Test
    void shortensLongUnknownNameInMessage() {
        String name = "p".repeat(500);

        assertThatThrownBy(() -> PING.bind(arguments(name, THREE), converter))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Unknown parameter '" + "p".repeat(100) + "...'");
    }

    @Test
    void refusesWrongTypeNamingParameter() {
        assertThatThrownBy(() -> SCORE.bind(arguments("player", ANN, "points", new QueryText("many")), converter))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid value for parameter 'points': expected an integer");
    }

    @Test
    void optionalArgumentIsDroppedWhenNotDeclared() {
        Object[] values = SCORE.bind(arguments("player", ANN, "points", THREE, "*user", BOB), converter);

        assertThat(values).containsExactly("ann", 3);
    }

    @Test
    void optionalArgumentBindsWhenDeclared() {
        Object[] values = GREET.bind(arguments("name", ANN, "*user", BOB), converter);

        assertThat(values).containsExactly("ann", Optional.of("bob"));
    }

    @Test
    void optionalArgumentSatisfiesRequiredParameter() {
        Object[] values = SCORE.bind(arguments("*player", ANN, "points", THREE), converter);

        assertThat(values).containsExactly("ann", 3);
    }

    @Test
    void explicitArgumentWinsOverOptionalOne() {
        Object[] explicitFirst = WHO_AM_I.bind(arguments("user", ANN, "*user", BOB), converter);
        Object[] optionalFirst = WHO_AM_I.bind(arguments("*user", BOB, "user", ANN), converter);

        assertThat(explicitFirst).containsExactly(Optional.of("ann"));
        assertThat(optionalFirst).containsExactly(Optional.of("ann"));
    }

    @Test
    void optionalParameterMayBeAbsent() {
        assertThat(WHO_AM_I.bind(Map.of(), converter)).containsExactly(Optional.empty());
    }

    @Test
    void nullForOptionalParameterIsEmpty() {
        assertThat(WHO_AM_I.bind(arguments("user", JsonValue.NULL), converter)).containsExactly(Optional.empty());
    }

    @Test
    void optionalArgumentIsConvertedToo() {
        assertThatThrownBy(() -> SCORE.bind(arguments("player", ANN, "*points", new QueryText("x")), converter))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid value for parameter 'points': expected an integer");
    }

    @Test
    void keepsCopyOfParameters() {
        List<Parameter> parameters = new ArrayList<>(List.of(Parameter.of("player", String.class)));
        BindingPlan plan = new BindingPlan(parameters);

        parameters.add(Parameter.of("points", int.class));

        assertThat(plan.parameters()).extracting(Parameter::name).containsExactly("player");
        assertThatThrownBy(() -> plan.parameters().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
