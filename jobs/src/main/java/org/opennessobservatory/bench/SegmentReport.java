package org.opennessobservatory.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** The printed form of {@code bench segment}: functions from results to lines, no I/O. */
final class SegmentReport {
  /** The ratio the issue asks for on {@code local[2]}, warm. */
  static final double TARGET_RATIO = 1.2;
  /** Said in the output of every run: what the pipeline side does. */
  static final String SCOPE = "stages measured: segment + resolve (no registry: generated names are linked by name, "
      + "surname and initials)";

  private static final String ROW = "%-9s %5s %6s %11s %8s %10s %9s";

  private SegmentReport() {}

  static String header() {
    return String.format(ROW, "side", "round", "docs", "words", "seconds", "words/s", "peak heap");
  }

  static List<String> round(SegmentRound r) {
    return List.of(String.format(ROW, r.side(), "#" + r.round(), r.documents(), String.format("%,d", r.words()),
        String.format("%.2f", r.seconds()), String.format("%,.0f", r.wordsPerSecond()),
        BenchReport.mb(r.peakHeapBytes())), "          " + r.detail());
  }

  /** The comparison of the two sides' best rounds, then the setting it was measured in. */
  static List<String> summary(int rounds, SegmentRound baseline, SegmentRound segment, String master,
      String forcedBy) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("=== bench segment: " + BenchReport.which(rounds) + " ===");
    lines.add(SCOPE);
    lines.add(header());
    lines.addAll(round(baseline));
    lines.addAll(round(segment));
    lines.add(String.format("ratio segment+resolve/baseline (words/s): %.2f  (target >= %.1f on local[2], warm)",
        SegmentRound.ratio(baseline, segment), TARGET_RATIO));
    lines.add("segment+resolve forced to run completely by: " + forcedBy);
    lines.add(String.format("JVM: %s %s; %d cores available; master %s", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors(), master));
    lines.add(String.format("load average at the end: %.2f (1 min)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return lines;
  }
}
