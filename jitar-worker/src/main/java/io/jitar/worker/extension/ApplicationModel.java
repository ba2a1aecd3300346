package io.jitar.worker.extension;

import io.jitar.core.binding.BindingPlan;
import io.jitar.core.insight.CallGraph;
import io.jitar.core.insight.SegmentLayout;
import io.jitar.core.procedure.Fqn;
import io.jitar.core.segment.ModuleMethods;
import io.jitar.core.segment.ProcedureDeclaration;
import io.jitar.core.segment.SegmentDefinition;
import io.jitar.core.segment.SegmentFileException;
import io.jitar.worker.config.WorkerSettings;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application as its segment files describe it, resolved against its classes and split by
 * placement: the procedures of the segments this deployment runs, and the module interfaces that
 * live elsewhere. Built once at deployment; immutable.
 *
 * <p>The module interface is the unit of placement: if any of its procedures runs here, calls to it
 * go to the local bean.
 */
public final class ApplicationModel {

    private final Set<String> runningSegments;
    private final List<ModuleProcedure> localProcedures;
    private final Set<Class<?>> localInterfaces;
    private final Set<Class<?>> remoteInterfaces;
    private final List<ModuleProcedure> remoteProcedures;
    private final List<ModuleProcedure> allProcedures;

    private ApplicationModel(Set<String> runningSegments, List<ModuleProcedure> localProcedures,
                             Set<Class<?>> localInterfaces, Set<Class<?>> remoteInterfaces,
                             List<ModuleProcedure> remoteProcedures, List<ModuleProcedure> allProcedures) {
        this.allProcedures = List.copyOf(allProcedures);
        this.runningSegments = Set.copyOf(runningSegments);
        this.localProcedures = List.copyOf(localProcedures);
        this.localInterfaces = Set.copyOf(localInterfaces);
        this.remoteInterfaces = Set.copyOf(remoteInterfaces);
        this.remoteProcedures = List.copyOf(remoteProcedures);
    }

    /**
     * Resolves every declaration of every segment (so a mistake in a segment this deployment does
     * not run still fails fast) and selects the running ones.
     *
     * @throws SegmentFileException or IllegalArgumentException/IllegalStateException with a message for the developer
     */
    public static ApplicationModel resolve(Map<String, SegmentDefinition> segments, WorkerSettings settings, ClassLoader loader) {
        Set<String> running = running(segments, settings);
        Map<String, ModuleProcedure> byFqnAndVersion = new HashMap<>();
        Set<String> localKeys = new HashSet<>();
        List<ModuleProcedure> local = new ArrayList<>();
        Set<Class<?>> localInterfaces = new LinkedHashSet<>();
        Set<Class<?>> allInterfaces = new LinkedHashSet<>();
        List<ModuleProcedure> all = new ArrayList<>();
        for (SegmentDefinition segment : segments.values()) {
            for (ProcedureDeclaration declaration : segment.procedures()) {
                ModuleProcedure procedure = resolve(declaration, settings.rootPackage(), loader);
                allInterfaces.add(procedure.moduleInterface());
                all.add(procedure);
                checkUnique(byFqnAndVersion, procedure);
                if (!running.contains(segment.name()) || !localKeys.add(key(procedure))) {
                    continue;
                }
                local.add(procedure);
                localInterfaces.add(procedure.moduleInterface());
            }
        }
        Set<Class<?>> remote = new LinkedHashSet<>(allInterfaces);
        remote.removeAll(localInterfaces);
        List<ModuleProcedure> remoteProcedures = all.stream().filter(p -> remote.contains(p.moduleInterface())).toList();
        return new ApplicationModel(running, local, localInterfaces, remote, remoteProcedures, all);
    }

    private static Set<String> running(Map<String, SegmentDefinition> segments, WorkerSettings settings) {
        if (settings.segments().isEmpty()) {
            return segments.keySet();
        }
        for (String name : settings.segments()) {
            if (!segments.containsKey(name)) {
                throw new IllegalArgumentException("'" + WorkerSettings.SEGMENTS + "' names segment '" + name
                        + "', but the application defines only " + new TreeSet<>(segments.keySet())
                        + " (files in META-INF/jitar/segments/)");
            }
        }
        return settings.segments();
    }

    private static ModuleProcedure resolve(ProcedureDeclaration declaration, String rootPackage, ClassLoader loader) {
        Class<?> moduleInterface = ModuleMethods.moduleInterface(declaration, loader);
        if (!Modifier.isPublic(moduleInterface.getModifiers())) {
            throw new SegmentFileException(declaration.file(), declaration.interfaceName(), "interface must be public");
        }
        Method method = ModuleMethods.method(declaration, moduleInterface);
        Fqn fqn;
        try {
            fqn = Fqn.of(rootPackage, moduleInterface, declaration.name());
        } catch (RuntimeException e) {
            throw new SegmentFileException(declaration.file(), declaration.key(), e.getMessage());
        }
        return new ModuleProcedure(declaration, moduleInterface, method, fqn, BindingPlan.of(method));
    }

    /** Same FQN and version twice is an error, unless it is the same method listed in two segments. */
    private static void checkUnique(Map<String, ModuleProcedure> seen, ModuleProcedure procedure) {
        ModuleProcedure earlier = seen.putIfAbsent(key(procedure), procedure);
        boolean sameProcedure = earlier != null && earlier.method().equals(procedure.method())
                && earlier.declaration().access() == procedure.declaration().access()
                && !earlier.declaration().segment().equals(procedure.declaration().segment());
        if (earlier == null || sameProcedure) {
            return;
        }
        throw new SegmentFileException(procedure.declaration().file(), procedure.declaration().key(),
                "procedure '" + procedure.fqn() + "' version " + procedure.declaration().version()
                        + " is already declared by " + earlier.origin());
    }

    private static String key(ModuleProcedure procedure) {
        return procedure.fqn() + "@" + procedure.declaration().version();
    }

    public Set<String> runningSegments() {
        return runningSegments;
    }

    public List<ModuleProcedure> localProcedures() {
        return localProcedures;
    }

    public Set<Class<?>> localInterfaces() {
        return localInterfaces;
    }

    public Set<Class<?>> remoteInterfaces() {
        return remoteInterfaces;
    }

    /** Every declared procedure of {@code moduleInterface}, whatever its segment. */
    public List<ModuleProcedure> proceduresOf(Class<?> moduleInterface) {
        return allProcedures.stream().filter(p -> p.moduleInterface() == moduleInterface).toList();
    }

    /**
     * The call graph over every procedure of the segment files; those of the interfaces placed
     * here are local (their calls stay in this process).
     */
    public CallGraph callGraph() {
        List<String> names = allProcedures.stream().map(p -> p.fqn().value()).distinct().toList();
        Set<String> local = new HashSet<>();
        allProcedures.stream().filter(p -> localInterfaces.contains(p.moduleInterface()))
                .forEach(p -> local.add(p.fqn().value()));
        return CallGraph.of(names, local);
    }

    /** The segment files, each procedure with its declaration, for the split advisor. */
    public SegmentLayout layout() {
        Map<String, List<SegmentLayout.Member>> segments = new java.util.TreeMap<>();
        for (ModuleProcedure p : allProcedures) {
            ProcedureDeclaration d = p.declaration();
            segments.computeIfAbsent(d.segment(), k -> new ArrayList<>()).add(new SegmentLayout.Member(p.fqn().value(),
                    d.interfaceName(), d.methodName(), d.access().name().toLowerCase(java.util.Locale.ROOT),
                    d.version().toString(), d.name(), d.idempotent()));
        }
        return new SegmentLayout(segments.entrySet().stream()
                .map(e -> new SegmentLayout.Segment(e.getKey(), e.getValue())).toList());
    }

    /** Every declared procedure of the remote interfaces, whatever its segment and access. */
    public List<ModuleProcedure> remoteProcedures() {
        return remoteProcedures;
    }
}
