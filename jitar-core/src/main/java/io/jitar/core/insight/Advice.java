package io.jitar.core.insight;

import java.util.List;

/**
 * The advisor's answer over a window: whether there was enough traffic to judge, what it says in
 * words (one line per finding), and the proposed segments.
 */
public record Advice(boolean enoughTraffic, List<String> words, List<SplitProposal> proposals) {
}
