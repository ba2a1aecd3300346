package io.jitar.worker.extension;

import io.jitar.testing.MapConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;
import io.jitar.core.segment.ProcedureDeclaration;
import io.jitar.core.segment.SegmentDefinition;
import io.jitar.core.segment.SegmentFileException;
import io.jitar.worker.config.WorkerSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApplicationModelTest {

    public interface Data {
        String getData();
    }

    public interface Process {
        String createReport();
    }

    private static final ClassLoader LOADER = ApplicationModelTest.class.getClassLoader();

    private static ProcedureDeclaration declare(String segment, Class<?> module, String method, String version, String as) {
        return new ProcedureDeclaration(segment, segment + ".json", module.getName(), method, AccessLevel.PUBLIC,
                Version.parse(version), as, false);
    }

    private static Map<String, SegmentDefinition> twoSegments() {
        Map<String, SegmentDefinition> segments = new TreeMap<>();
        segments.put("data", new SegmentDefinition("data", "data.json", List.of(declare("data", Data.class, "getData", "0.0.0", "getData"))));
        segments.put("process", new SegmentDefinition("process", "process.json",
                List.of(declare("process", Process.class, "createReport", "0.0.0", "createReport"))));
        return segments;
    }

    private static WorkerSettings settings(String... keysAndValues) {
        return WorkerSettings.from(MapConfig.of(keysAndValues));
    }

    @Test
    void theCallGraphKnowsEveryProcedureAndWhichRunHereAndTheLayoutEverySegment() {
        ApplicationModel model = ApplicationModel.resolve(twoSegments(), settings("jitar.root-package", "io.jitar.worker",
                "jitar.worker.segments", "process"), LOADER);

        var graph = model.callGraph();
        assertThat(graph.size()).isEqualTo(2);
        assertThat(graph.isLocal(graph.id("extension/createReport"))).isTrue();
        assertThat(graph.isLocal(graph.id("extension/getData"))).isFalse();
        assertThat(model.layout().segments()).extracting(s -> s.name()).containsExactly("data", "process");
        assertThat(model.layout().segments().get(0).procedures()).containsExactly(new io.jitar.core.insight.SegmentLayout.Member(
                "extension/getData", Data.class.getName(), "getData", "public", "0.0.0", "getData", false));
    }

    @Test
    void runsEverySegmentByDefault() {
        ApplicationModel model = ApplicationModel.resolve(twoSegments(), settings("jitar.root-package", "io.jitar.worker"), LOADER);

        assertThat(model.runningSegments()).containsExactlyInAnyOrder("data", "process");
        assertThat(model.localProcedures()).extracting(p -> p.fqn().value())
                .containsExactlyInAnyOrder("extension/getData", "extension/createReport");
        assertThat(model.remoteInterfaces()).isEmpty();
    }

    @Test
    void interfacesOfSegmentsRunElsewhereAreRemote() {
        ApplicationModel model = ApplicationModel.resolve(twoSegments(), settings("jitar.worker.segments", "process"), LOADER);

        assertThat(model.localInterfaces()).containsExactly(Process.class);
        assertThat(model.remoteInterfaces()).containsExactly(Data.class);
    }

    @Test
    void unknownSegmentInConfigurationIsNamed() {
        assertThatThrownBy(() -> ApplicationModel.resolve(twoSegments(), settings("jitar.worker.segments", "reports"), LOADER))
                .hasMessage("'jitar.worker.segments' names segment 'reports', but the application defines only "
                        + "[data, process] (files in META-INF/jitar/segments/)");
    }

    @Test
    void sameFqnAndVersionFromTwoMethodsFailsNamingBoth() {
        Map<String, SegmentDefinition> segments = twoSegments();
        segments.put("extra", new SegmentDefinition("extra", "extra.json",
                List.of(declare("extra", Process.class, "createReport", "0.0.0", "getData"))));

        assertThatThrownBy(() -> ApplicationModel.resolve(segments, settings("jitar.root-package", "io.jitar.worker"), LOADER))
                .isInstanceOf(SegmentFileException.class)
                .hasMessageContaining("extra.json")
                .hasMessageContaining("procedure 'extension/getData' version 0.0.0 is already declared by data.json");
    }

    @Test
    void sameMethodInTwoRunningSegmentsRegistersOnce() {
        Map<String, SegmentDefinition> segments = twoSegments();
        segments.put("shared", new SegmentDefinition("shared", "shared.json",
                List.of(declare("shared", Data.class, "getData", "0.0.0", "getData"))));

        ApplicationModel model = ApplicationModel.resolve(segments, settings(), LOADER);

        assertThat(model.localProcedures()).hasSize(2);
    }

    @Test
    void interfaceOutsideTheRootPackageIsRefused() {
        assertThatThrownBy(() -> ApplicationModel.resolve(twoSegments(), settings("jitar.root-package", "com.example"), LOADER))
                .isInstanceOf(SegmentFileException.class)
                .hasMessageContaining("is not inside the root package 'com.example'");
    }
}
