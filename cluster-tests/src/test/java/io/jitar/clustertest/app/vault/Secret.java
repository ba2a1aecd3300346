package io.jitar.clustertest.app.vault;

import java.time.LocalDate;
import java.util.List;

public record Secret(String label, String value, String servedBy, LocalDate since, List<String> tags) {
}
