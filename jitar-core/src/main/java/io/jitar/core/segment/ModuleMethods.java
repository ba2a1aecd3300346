package io.jitar.core.segment;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the interface and method a {@link ProcedureDeclaration} names. A procedure module must be
 * an interface, and a procedure name must denote exactly one method of it (Java overloads would
 * make the named-argument binding ambiguous).
 */
public final class ModuleMethods {

    private ModuleMethods() {
    }

    public static Class<?> moduleInterface(ProcedureDeclaration declaration, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(declaration.interfaceName(), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SegmentFileException(declaration.file(), declaration.interfaceName(), "class not found");
        }
        if (!type.isInterface()) {
            throw new SegmentFileException(declaration.file(), declaration.interfaceName(),
                    "is a class; a procedure module must be an interface that a CDI bean implements");
        }
        return type;
    }

    public static Method method(ProcedureDeclaration declaration, Class<?> moduleInterface) {
        List<Method> candidates = Arrays.stream(moduleInterface.getMethods())
                .filter(m -> m.getName().equals(declaration.methodName()))
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .toList();
        if (candidates.isEmpty()) {
            throw new SegmentFileException(declaration.file(), declaration.key(),
                    "method not found in " + moduleInterface.getName());
        }
        if (candidates.size() > 1) {
            throw new SegmentFileException(declaration.file(), declaration.key(),
                    "method is overloaded in " + moduleInterface.getName() + "; give each procedure its own method name");
        }
        return candidates.get(0);
    }
}
