package io.jitar.core.binding;

import static io.jitar.core.binding.BindingFixtures.declaredType;
import static io.jitar.core.binding.BindingFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.core.binding.BindingFixtures.Point;
import java.lang.reflect.ParameterizedType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void plainParameterIsRequired() {
        Parameter day = Parameter.of("day", LocalDate.class);

        assertThat(day).isEqualTo(new Parameter("day", LocalDate.class, LocalDate.class, false));
    }

    @Test
    void primitiveParameterKeepsPrimitiveRawType() {
        assertThat(sample("count").rawType()).isEqualTo(int.class);
        assertThat(sample("count").optional()).isFalse();
    }

    @Test
    void optionalParameterUnwrapsItsValueType() {
        Parameter user = sample("user");

        assertThat(user.type()).isEqualTo(String.class);
        assertThat(user.rawType()).isEqualTo(String.class);
        assertThat(user.optional()).isTrue();
    }

    @Test
    void optionalOfGenericKeepsInnerGenericType() {
        Parameter tags = sample("tags");

        assertThat(tags.type()).isInstanceOf(ParameterizedType.class);
        assertThat(tags.type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
        assertThat(tags.rawType()).isEqualTo(List.class);
        assertThat(tags.optional()).isTrue();
    }

    @Test
    void rawOptionalHoldsAnyObject() {
        Parameter untyped = sample("untyped");

        assertThat(untyped).isEqualTo(new Parameter("untyped", Object.class, Object.class, true));
    }

    @Test
    void genericParameterKeepsTypeArgumentsAndRawClass() {
        Parameter points = sample("points");

        assertThat(points.type()).isEqualTo(declaredType("points"));
        assertThat(points.rawType()).isEqualTo(List.class);
        assertThat(((ParameterizedType) points.type()).getActualTypeArguments()).containsExactly(Point.class);
    }

    @Test
    void typeVariableBindsAsObject() {
        assertThat(sample("generic").rawType()).isEqualTo(Object.class);
    }

    @Test
    void wrapsValuesOnlyForOptionalParameters() {
        assertThat(sample("user").wrap("ann")).isEqualTo(Optional.of("ann"));
        assertThat(sample("user").wrap(null)).isEqualTo(Optional.empty());
        assertThat(sample("name").wrap("ann")).isEqualTo("ann");
    }

    @Test
    void absentValueIsEmptyOptional() {
        assertThat(sample("user").absentValue()).isEqualTo(Optional.empty());
    }

    @Test
    void refusesMissingName() {
        assertThatThrownBy(() -> new Parameter(null, String.class, String.class, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("name");
    }

    @Test
    void refusesMissingType() {
        assertThatThrownBy(() -> new Parameter("name", null, String.class, false))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("type");
    }
}
