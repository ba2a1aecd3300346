package io.jitar.core.segment;

import static io.jitar.core.segment.SegmentFixtures.FILE;
import static io.jitar.core.segment.SegmentFixtures.SEGMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentFileReaderTest {

    private static final String GAME = "com.example.game.Game";
    private static final String CHECK_SECRET = GAME + "/checkSecret";

    /** The example of the original Jitar's documentation. */
    private static final String GAME_SEGMENT = """
            { "com.example.game.Game": {
                "checkSecret": { "access": "protected" },
                "guessV2":     { "access": "public", "version": "2.0.0", "as": "guess", "idempotent": true } } }
            """;

    private final SegmentFileReader reader = new SegmentFileReader();

    private SegmentDefinition read(String json) {
        return reader.read(SEGMENT, FILE, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A file declaring {@code checkSecret} with {@code settings} (the inside of its object). */
    private static String checkSecretWith(String settings) {
        return "{\"" + GAME + "\": {\"checkSecret\": {" + settings + "}}}";
    }

    @Test
    void readsDeclarations() {
        SegmentDefinition definition = read(GAME_SEGMENT);

        assertThat(definition.name()).isEqualTo(SEGMENT);
        assertThat(definition.file()).isEqualTo(FILE);
        assertThat(definition.procedures()).containsExactly(
                new ProcedureDeclaration(SEGMENT, FILE, GAME, "checkSecret", AccessLevel.PROTECTED, Version.DEFAULT,
                        "checkSecret", false),
                new ProcedureDeclaration(SEGMENT, FILE, GAME, "guessV2", AccessLevel.PUBLIC, new Version(2, 0, 0),
                        "guess", true));
    }

    @Test
    void defaultsToPrivateVersionZeroMethodNameAndNotIdempotent() {
        ProcedureDeclaration declaration = read(checkSecretWith("")).procedures().get(0);

        assertThat(declaration.access()).isEqualTo(AccessLevel.PRIVATE);
        assertThat(declaration.version()).isEqualTo(Version.DEFAULT);
        assertThat(declaration.name()).isEqualTo("checkSecret");
        assertThat(declaration.idempotent()).isFalse();
    }

    @Test
    void readsShortVersionAndUpperCaseAccess() {
        ProcedureDeclaration declaration = read(checkSecretWith("\"access\": \"PUBLIC\", \"version\": \"1.5\""))
                .procedures().get(0);

        assertThat(declaration.access()).isEqualTo(AccessLevel.PUBLIC);
        assertThat(declaration.version()).isEqualTo(new Version(1, 5, 0));
    }

    @Test
    void readsSeveralModules() {
        SegmentDefinition definition = read("{\"a.One\": {\"x\": {}}, \"b.Two\": {\"y\": {}, \"z\": {}}}");

        assertThat(definition.procedures()).extracting(ProcedureDeclaration::key)
                .containsExactlyInAnyOrder("a.One/x", "b.Two/y", "b.Two/z");
    }

    @Test
    void emptyFileObjectDeclaresNothing() {
        assertThat(read("{}").procedures()).isEmpty();
    }

    @Test
    void segmentFileErrorsNameFileAndKeyForBadJson() {
        assertThatThrownBy(() -> read("{\"" + GAME + "\": {\"checkSecret\": {\"access\": }}}"))
                .isInstanceOf(SegmentFileException.class)
                .hasMessageStartingWith("Segment file 'segments/game.json': invalid JSON: ")
                .asInstanceOf(InstanceOfAssertFactories.type(SegmentFileException.class))
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.key()).isEmpty();
                });
    }

    @Test
    void emptyFileIsBadJson() {
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(SegmentFileException.class)
                .hasMessageStartingWith("Segment file 'segments/game.json': invalid JSON: ");
    }

    static Stream<Arguments> segmentFileErrors() {
        return Stream.of(
                arguments(Named.of("file is not an object", "[]"), "",
                        "expected a JSON object, found array"),
                arguments(Named.of("module is not an object", "{\"" + GAME + "\": \"checkSecret\"}"), GAME,
                        "expected a JSON object, found string"),
                arguments(Named.of("procedure is not an object", "{\"" + GAME + "\": {\"checkSecret\": true}}"), CHECK_SECRET,
                        "expected a JSON object, found true"),
                arguments(Named.of("unknown access level", checkSecretWith("\"access\": \"internal\"")), CHECK_SECRET + "/access",
                        "unknown access level 'internal', expected private, protected or public"),
                arguments(Named.of("access is not a string", checkSecretWith("\"access\": 1")), CHECK_SECRET + "/access",
                        "expected a string"),
                arguments(Named.of("bad version", checkSecretWith("\"version\": \"1.x\"")), CHECK_SECRET + "/version",
                        "Invalid version '1.x': expected major.minor.patch"),
                arguments(Named.of("version is a number", checkSecretWith("\"version\": 2")), CHECK_SECRET + "/version",
                        "expected a string"),
                arguments(Named.of("as is not a string", checkSecretWith("\"as\": null")), CHECK_SECRET + "/as",
                        "expected a string"),
                arguments(Named.of("idempotent is not a boolean", checkSecretWith("\"idempotent\": \"yes\"")),
                        CHECK_SECRET + "/idempotent", "expected true or false"),
                arguments(Named.of("unknown setting", checkSecretWith("\"acess\": \"public\"")), CHECK_SECRET + "/acess",
                        "unknown setting, expected one of access, version, as, idempotent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("segmentFileErrors")
    void segmentFileErrorsNameFileAndKey(String json, String key, String problem) {
        String location = key.isEmpty() ? "" : ", key '" + key + "'";

        assertThatThrownBy(() -> read(json))
                .isInstanceOf(SegmentFileException.class)
                .hasMessage("Segment file 'segments/game.json'" + location + ": " + problem)
                .asInstanceOf(InstanceOfAssertFactories.type(SegmentFileException.class))
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.key()).isEqualTo(key);
                });
    }

    @Test
    void namesJsonTypeIndependentlyOfLocale() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThatThrownBy(() -> read("{\"" + GAME + "\": \"checkSecret\"}"))
                    .isInstanceOf(SegmentFileException.class)
                    .hasMessageEndingWith("expected a JSON object, found string");
        } finally {
            Locale.setDefault(original);
        }
    }
}
