package io.jitar.core.insight;

import java.util.List;
import java.util.Map;

/**
 * One proposed segment: the procedures to move into it (a hot entry procedure with the callees
 * only it uses), what they take of the time serving RPC calls, and the predicted cost of the split
 * over the same window: calls that would cross segments per second (and per entry call), the bytes
 * of those calls where they were measured (remote calls; in-process calls are not serialized, so
 * their bytes are unknown and counted in {@code unmeasuredCallsPerSecond}), and the latency added per
 * entry call at {@code remoteCallMs} per remote call ({@code costBasis} says where that came from).
 * {@code files}: the segment files to write (the new one, and the current ones without the moved
 * procedures), by file name; {@code advice} says it in words.
 */
public record SplitProposal(String segment, String entry, List<String> procedures, double shareOfTime,
                            double entryCallsPerSecond, double crossCallsPerSecond, double crossCallsPerEntryCall,
                            double bytesPerSecond, double unmeasuredCallsPerSecond, double remoteCallMs,
                            double addedMsPerEntryCall, String costBasis,
                            Map<String, Map<String, Map<String, Map<String, Object>>>> files, String advice) {
}
