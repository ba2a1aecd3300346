package io.jitar.core.segment;

import static io.jitar.core.segment.SegmentFixtures.ADMIN_MODULE;
import static io.jitar.core.segment.SegmentFixtures.FILE;
import static io.jitar.core.segment.SegmentFixtures.GAME_MODULE;
import static io.jitar.core.segment.SegmentFixtures.GAME_SERVICE;
import static io.jitar.core.segment.SegmentFixtures.MISSING_MODULE;
import static io.jitar.core.segment.SegmentFixtures.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ModuleMethodsTest {

    private final ClassLoader loader = ModuleMethodsTest.class.getClassLoader();

    @Test
    void findsModuleInterface() {
        assertThat(ModuleMethods.moduleInterface(declaration(GAME_MODULE, "checkSecret"), loader)).isEqualTo(GameModule.class);
    }

    @Test
    void findsTheOneMethodOfThatName() {
        Method method = ModuleMethods.method(declaration(GAME_MODULE, "checkSecret"), GameModule.class);

        assertThat(method.getName()).isEqualTo("checkSecret");
        assertThat(method.getParameterTypes()).containsExactly(String.class);
    }

    @Test
    void findsDefaultMethods() {
        assertThat(ModuleMethods.method(declaration(GAME_MODULE, "greeting"), GameModule.class).isDefault()).isTrue();
    }

    @Test
    void findsInheritedMethods() {
        Method method = ModuleMethods.method(declaration(ADMIN_MODULE, "checkSecret"), AdminModule.class);

        assertThat(method.getDeclaringClass()).isEqualTo(GameModule.class);
    }

    @Test
    void segmentFileErrorsNameFileAndKeyWhenClassIsNotFound() {
        assertThatThrownBy(() -> ModuleMethods.moduleInterface(declaration(MISSING_MODULE, "checkSecret"), loader))
                .isInstanceOf(SegmentFileException.class)
                .hasMessage("Segment file 'segments/game.json', key 'io.jitar.core.segment.NoSuchModule': class not found")
                .asInstanceOf(InstanceOfAssertFactories.type(SegmentFileException.class))
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(FILE);
                    assertThat(e.key()).isEqualTo(MISSING_MODULE);
                });
    }

    @Test
    void segmentFileErrorsNameFileAndKeyWhenModuleIsAClass() {
        assertThatThrownBy(() -> ModuleMethods.moduleInterface(declaration(GAME_SERVICE, "checkSecret"), loader))
                .isInstanceOf(SegmentFileException.class)
                .hasMessage("Segment file 'segments/game.json', key 'io.jitar.core.segment.GameService': "
                        + "is a class; a procedure module must be an interface that a CDI bean implements");
    }

    @Test
    void segmentFileErrorsNameFileAndKeyWhenMethodIsNotFound() {
        assertThatThrownBy(() -> ModuleMethods.method(declaration(GAME_MODULE, "chekSecret"), GameModule.class))
                .isInstanceOf(SegmentFileException.class)
                .hasMessage("Segment file 'segments/game.json', key 'io.jitar.core.segment.GameModule/chekSecret': "
                        + "method not found in io.jitar.core.segment.GameModule");
    }

    @Test
    void segmentFileErrorsNameFileAndKeyWhenMethodIsOverloaded() {
        assertThatThrownBy(() -> ModuleMethods.method(declaration(GAME_MODULE, "guess"), GameModule.class))
                .isInstanceOf(SegmentFileException.class)
                .hasMessage("Segment file 'segments/game.json', key 'io.jitar.core.segment.GameModule/guess': "
                        + "method is overloaded in io.jitar.core.segment.GameModule; give each procedure its own method name");
    }

    @Test
    void ignoresStaticMethods() {
        assertThatThrownBy(() -> ModuleMethods.method(declaration(GAME_MODULE, "create"), GameModule.class))
                .isInstanceOf(SegmentFileException.class)
                .hasMessageContaining("method not found");
    }
}
