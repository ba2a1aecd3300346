package io.jitar.core.insight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's segment files as the advisor needs them: per segment, each procedure with the
 * declaration that put it there, so a proposal can be written back as segment files. Every
 * worker of one build has the same layout.
 */
public record SegmentLayout(List<Segment> segments) {

    public SegmentLayout {
        segments = List.copyOf(segments);
    }

    /** One segment file: {@code name} is the file's name without {@code .json}. */
    public record Segment(String name, List<Member> procedures) {
        public Segment {
            procedures = List.copyOf(procedures);
        }
    }

    /** One declaration: {@code procedure} is its public name (FQN), the rest as in the file. */
    public record Member(String procedure, String interfaceName, String method, String access, String version,
                         String as, boolean idempotent) {
    }

    /** The segments that declare {@code procedure} (usually one). */
    public List<Segment> segmentsOf(String procedure) {
        return segments.stream().filter(s -> s.procedures().stream().anyMatch(m -> m.procedure().equals(procedure))).toList();
    }

    /** A segment file's content: interface to method to settings, as {@code SegmentFileReader} reads it. */
    public static Map<String, Map<String, Map<String, Object>>> file(List<Member> members) {
        Map<String, Map<String, Map<String, Object>>> file = new LinkedHashMap<>();
        for (Member member : members) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("access", member.access());
            if (!member.version().equals("0.0.0")) {
                settings.put("version", member.version());
            }
            if (!member.as().equals(member.method())) {
                settings.put("as", member.as());
            }
            if (member.idempotent()) {
                settings.put("idempotent", true);
            }
            file.computeIfAbsent(member.interfaceName(), k -> new LinkedHashMap<>()).put(member.method(), settings);
        }
        return file;
    }
}
