package org.opennessobservatory.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The printed form of rounds and of the final comparison: functions from results to lines, no I/O. */
final class BenchReport {
  /** The ratio the issue asks for on 2 cores, warm, with at least 1,600 documents. */
  static final double TARGET_RATIO = 1.6;

  private static final String ROW = "%-9s %5s %6s %8s %8s %11s %8s %10s %9s";

  private BenchReport() {}

  static String header() {
    return String.format(ROW, "side", "round", "files", "MB", "seconds", "documents/s", "MB/s", "docs/rej",
        "peak heap");
  }

  /** A round's table row, its detail line, and a loud line when it rejected files (the bench corpus has none). */
  static List<String> round(BenchRound r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(ROW, r.side(), "#" + r.round(), r.files(), String.format("%.1f", r.bytes() / 1e6),
        String.format("%.2f", r.seconds()), String.format("%.1f", r.docsPerSecond()),
        String.format("%.2f", r.mbPerSecond()), r.documents() + "/" + r.rejects(), mb(r.peakHeapBytes())));
    lines.add("          " + r.detail());
    if (r.rejects() > 0) {
      lines.add(String.format("!!!!!!!! %s round %d: %d REJECTS (expected 0) !!!!!!!!", r.side(), r.round(),
          r.rejects()));
    }
    return lines;
  }

  /** Which rounds the comparison uses, in words: the reader must know whether the numbers are warm. */
  static String which(int rounds) {
    return rounds == 1 ? "round 1 (COLD: no warm-up round; use --rounds 2 or more)"
        : rounds == 2 ? "round 2 (round 1 is warm-up)" : "the best of rounds 2.." + rounds + " of each side";
  }

  /** The comparison of the two sides' best rounds, then the setting it was measured in. */
  static List<String> summary(int rounds, BenchRound baseline, BenchRound pipeline, String master,
      int workerHeapMb) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("=== bench ingest: " + which(rounds) + " ===");
    lines.add(header());
    lines.addAll(round(baseline));
    lines.addAll(round(pipeline));
    lines.add(String.format("ratio pipeline/baseline (documents/s): %.2f  (target >= %.1f on 2 cores, warm, "
        + "N >= 1600)", BenchRound.ratio(baseline, pipeline), TARGET_RATIO));
    lines.add(String.format("pipeline: %d documents, %d rejects", pipeline.documents(), pipeline.rejects()));
    if (pipeline.rejects() > 0 || pipeline.documents() != pipeline.files()) {
      lines.add(String.format("!!!!!!!! PIPELINE REJECTED %d OF %d FILES (expected 0): %s !!!!!!!!",
          pipeline.rejects(), pipeline.files(), pipeline.detail()));
    }
    Runtime rt = Runtime.getRuntime();
    lines.add(String.format("driver peak heap: baseline %s, pipeline %s (max heap %s); the parse worker JVM "
        + "-Xmx%dm", mb(baseline.peakHeapBytes()), mb(pipeline.peakHeapBytes()), mb(rt.maxMemory()), workerHeapMb));
    lines.add(String.format("JVM: %s %s (%s), GC %s; %d cores available; master %s",
        System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        System.getProperty("os.arch"), ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining("+")), rt.availableProcessors(),
        master));
    // The machine's load says how much of the measurement another process may have taken.
    lines.add(String.format("load average at the end: %.2f (1 min)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    return lines;
  }

  static String mb(long bytes) {
    return String.format("%d MB", bytes >> 20);
  }
}
