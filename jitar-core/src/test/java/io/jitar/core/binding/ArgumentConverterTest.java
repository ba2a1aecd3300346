package io.jitar.core.binding;

import static io.jitar.core.binding.BindingFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.core.binding.BindingFixtures.Color;
import io.jitar.core.binding.BindingFixtures.Owner;
import io.jitar.core.binding.BindingFixtures.Point;
import io.jitar.core.binding.BindingFixtures.Route;
import io.jitar.errors.BadRequestException;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ArgumentConverterTest {

    private static final String GAME_ID = "6f1c2d7e-2a4b-4c8d-9e0f-1a2b3c4d5e6f";
    private static final LocalDate MAY_DAY = LocalDate.of(2024, 5, 1);
    private static final Point ORIGIN = new Point(0, 0);
    private static final Point CORNER = new Point(3, 4);

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

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static Object convert(Object value, String parameterName) {
        return converter.convert(value, sample(parameterName));
    }

    private static String invalid(String parameterName, String expected) {
        return "Invalid value for parameter '" + parameterName + "': expected " + expected;
    }

    @Nested
    class JsonInput {

        @Test
        void convertsString() {
            assertThat(convert(json("\"ann\""), "name")).isEqualTo("ann");
        }

        @Test
        void refusesNumberForString() {
            assertThatThrownBy(() -> convert(json("42"), "name"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("name", "a string"));
        }

        @Test
        void convertsIntegersOfEverySize() {
            assertThat(convert(json("42"), "count")).isEqualTo(42);
            assertThat(convert(json("9007199254740993"), "total")).isEqualTo(9_007_199_254_740_993L);
            assertThat(convert(json("-300"), "small")).isEqualTo((short) -300);
            assertThat(convert(json("127"), "tiny")).isEqualTo((byte) 127);
            assertThat(convert(json("7"), "boxedCount")).isEqualTo(7);
            assertThat(convert(json("123456789012345678901234567890"), "huge"))
                    .isEqualTo(new BigInteger("123456789012345678901234567890"));
        }

        @Test
        void refusesStringForInt() {
            assertThatThrownBy(() -> convert(json("\"5\""), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
        }

        @Test
        void refusesFractionForInt() {
            assertThatThrownBy(() -> convert(json("1.5"), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
        }

        @Test
        void refusesFractionForBigInteger() {
            assertThatThrownBy(() -> convert(json("2.5"), "huge"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("huge", "an integer"));
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void refusesHugeExponentForBigIntegerQuickly() {
            assertThatThrownBy(() -> convert(json("1e99999999"), "huge"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("huge", "an integer"));
        }

        @Test
        void refusesIntegerOutOfRange() {
            assertThatThrownBy(() -> convert(json("3000000000"), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
            assertThatThrownBy(() -> convert(json("128"), "tiny"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("tiny", "an integer"));
        }

        @Test
        void convertsDecimals() {
            assertThat(convert(json("0.25"), "ratio")).isEqualTo(0.25d);
            assertThat(convert(json("2"), "ratio")).isEqualTo(2.0d);
            assertThat(convert(json("1.5"), "weight")).isEqualTo(1.5f);
            assertThat(convert(json("10.10"), "amount")).isEqualTo(new BigDecimal("10.10"));
            assertThat(convert(json("3.75"), "anything")).isEqualTo(new BigDecimal("3.75"));
        }

        @Test
        void refusesStringForDouble() {
            assertThatThrownBy(() -> convert(json("\"0.5\""), "ratio"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("ratio", "a number"));
        }

        @Test
        void convertsBooleans() {
            assertThat(convert(JsonValue.TRUE, "active")).isEqualTo(true);
            assertThat(convert(json("false"), "maybe")).isEqualTo(false);
        }

        @Test
        void refusesStringAndNumberForBoolean() {
            assertThatThrownBy(() -> convert(json("\"true\""), "active"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("active", "a boolean"));
            assertThatThrownBy(() -> convert(json("1"), "active"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("active", "a boolean"));
        }

        @Test
        void convertsRecordsCollectionsAndJavaTime() {
            JsonValue route = json("""
                    {"name": "home", "points": [{"x": 0, "y": 0}, {"x": 3, "y": 4}],
                     "owner": {"name": "ann", "since": "2024-05-01"}}""");

            assertThat(convert(route, "route"))
                    .isEqualTo(new Route("home", List.of(ORIGIN, CORNER), new Owner("ann", MAY_DAY)));
            assertThat(convert(json("[{\"x\": 3, \"y\": 4}]"), "points")).isEqualTo(List.of(CORNER));
            assertThat(convert(json("{\"ann\": 3, \"bob\": 5}"), "scores")).isEqualTo(Map.of("ann", 3, "bob", 5));
            assertThat(convert(json("\"2024-05-01\""), "day")).isEqualTo(MAY_DAY);
            assertThat(convert(json("\"GREEN\""), "color")).isEqualTo(Color.GREEN);
            assertThat(convert(json("\"" + GAME_ID + "\""), "id")).isEqualTo(UUID.fromString(GAME_ID));
        }

        @Test
        void genericListHoldsRecordsNotMaps() {
            Object points = convert(json("[{\"x\": 1, \"y\": 2}]"), "points");

            assertThat(points).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .singleElement().isInstanceOf(Point.class);
        }

        @Test
        void refusesWrongShapeNamingParameterAndType() {
            assertThatThrownBy(() -> convert(json("\"nowhere\""), "origin"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("origin", "BindingFixtures$Point"));
        }

        @Test
        void refusesWrongElementTypeNamingGenericType() {
            assertThatThrownBy(() -> convert(json("{\"ann\": \"many\"}"), "scores"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("scores", "Map<String, Integer>"));
        }

        @Test
        void refusesUnknownEnumConstant() {
            assertThatThrownBy(() -> convert(json("\"PURPLE\""), "color"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("color", "BindingFixtures$Color"));
        }

        @Test
        void refusesInvalidDate() {
            assertThatThrownBy(() -> convert(json("\"2024-13-45\""), "day"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("day", "LocalDate"));
        }

        @Test
        void objectParameterTakesAnyJson() {
            assertThat(convert(json("[1, \"two\"]"), "raw")).isEqualTo(List.of(new BigDecimal("1"), "two"));
        }
    }

    @Nested
    class NullInput {

        @Test
        void nullForPrimitiveIsBadRequest() {
            assertThatThrownBy(() -> convert(JsonValue.NULL, "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("Parameter 'count' must not be null");
            assertThatThrownBy(() -> convert(null, "active"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("Parameter 'active' must not be null");
        }

        @Test
        void nullForReferenceTypeStaysNull() {
            assertThat(convert(JsonValue.NULL, "boxedCount")).isNull();
            assertThat(convert(null, "origin")).isNull();
        }
    }

    @Nested
    class QueryTextInput {

        @Test
        void convertsInt() {
            assertThat(convert(new QueryText("42"), "count")).isEqualTo(42);
            assertThat(convert(new QueryText(" 42 "), "count")).isEqualTo(42);
        }

        @Test
        void refusesTextAndFractionForInt() {
            assertThatThrownBy(() -> convert(new QueryText("many"), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
            assertThatThrownBy(() -> convert(new QueryText("4.5"), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
            assertThatThrownBy(() -> convert(new QueryText(""), "count"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("count", "an integer"));
        }

        @Test
        void convertsDecimalAndLong() {
            assertThat(convert(new QueryText("1.25"), "ratio")).isEqualTo(1.25d);
            assertThat(convert(new QueryText("9007199254740993"), "total")).isEqualTo(9_007_199_254_740_993L);
        }

        @Test
        @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void refusesHugeExponentForBigIntegerQuickly() {
            assertThatThrownBy(() -> convert(new QueryText("1e99999999"), "huge"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("huge", "an integer"));
        }

        @Test
        void acceptsLargeButReasonableBigInteger() {
            assertThat(convert(new QueryText("1e30"), "huge")).isEqualTo(BigInteger.TEN.pow(30));
        }

        @Test
        void convertsBoolean() {
            assertThat(convert(new QueryText("true"), "active")).isEqualTo(true);
            assertThat(convert(new QueryText("false"), "maybe")).isEqualTo(false);
        }

        @Test
        void refusesOtherSpellingsOfBoolean() {
            for (String text : List.of("TRUE", "yes", "1", "")) {
                assertThatThrownBy(() -> convert(new QueryText(text), "active"))
                        .as("boolean from '%s'", text)
                        .isInstanceOf(BadRequestException.class)
                        .hasMessage(invalid("active", "a boolean"));
            }
        }

        @Test
        void convertsEnumDateAndUuidFromBareText() {
            assertThat(convert(new QueryText("RED"), "color")).isEqualTo(Color.RED);
            assertThat(convert(new QueryText("2024-05-01"), "day")).isEqualTo(MAY_DAY);
            assertThat(convert(new QueryText(GAME_ID), "id")).isEqualTo(UUID.fromString(GAME_ID));
        }

        @Test
        void convertsJsonList() {
            assertThat(convert(new QueryText("[1,2,3]"), "numbers")).isEqualTo(List.of(1, 2, 3));
            assertThat(convert(new QueryText("[{\"x\":3,\"y\":4}]"), "points")).isEqualTo(List.of(CORNER));
        }

        @Test
        void convertsJsonObject() {
            assertThat(convert(new QueryText("{\"x\":3,\"y\":4}"), "origin")).isEqualTo(CORNER);
        }

        @Test
        void keepsTextForStringAndObjectParameters() {
            assertThat(convert(new QueryText("[1,2]"), "name")).isEqualTo("[1,2]");
            assertThat(convert(new QueryText("42"), "raw")).isEqualTo("42");
        }

        @Test
        void refusesBareTextForRecordNamingParameter() {
            assertThatThrownBy(() -> convert(new QueryText("corner"), "origin"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("origin", "BindingFixtures$Point"));
        }

        @Test
        void refusesBrokenJsonNamingParameter() {
            assertThatThrownBy(() -> convert(new QueryText("[1,2"), "numbers"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("numbers", "List<Integer>"));
        }
    }

    @Nested
    class PlainJavaInput {

        @Test
        void keepsValueOfTheDeclaredType() {
            Point point = new Point(1, 1);

            assertThat(convert(point, "origin")).isSameAs(point);
            assertThat(convert(7, "count")).isEqualTo(7);
        }

        @Test
        void convertsOtherNumberTypeThroughJsonb() {
            assertThat(convert(7L, "count")).isEqualTo(7);
        }

        @Test
        void convertsMapSetByMiddlewareToRecord() {
            assertThat(convert(Map.of("x", 3, "y", 4), "origin")).isEqualTo(CORNER);
        }

        @Test
        void convertsListOfMapsToListOfRecords() {
            Object points = convert(List.of(Map.of("x", 0, "y", 0), Map.of("x", 3, "y", 4)), "points");

            assertThat(points).isEqualTo(List.of(ORIGIN, CORNER));
        }

        @Test
        void keepsContentOfCorrectlyTypedList() {
            assertThat(convert(List.of(ORIGIN, CORNER), "points")).isEqualTo(List.of(ORIGIN, CORNER));
        }

        @Test
        void convertsRecordToMapOfIntegers() {
            assertThat(convert(CORNER, "scores")).isEqualTo(Map.of("x", 3, "y", 4));
        }

        @Test
        void refusesObjectOfWrongShapeNamingParameter() {
            assertThatThrownBy(() -> convert(List.of(1, 2), "origin"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage(invalid("origin", "BindingFixtures$Point"));
        }
    }
}
