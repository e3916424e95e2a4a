package org.opennessobservatory.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.generate.BenchCorpus;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.IngestSummary;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.ParseWorkerPool;
import org.opennessobservatory.io.DatasetWriter;

/**
 * {@code bench ingest}: generates a corpus, then times the ingest stage ({@link IngestJob#run}, everything it does:
 * parse in worker processes, words, language, checks, Parquet) against {@link BaselineLoop}, both in this JVM on
 * the same files. Speed is never asserted by a timed unit test: this measures both sides in one run and prints the
 * ratio.
 */
public final class IngestBenchmark {
  /**
   * @param work folder for the corpus and outputs, or null for a temporary one
   * @param keep keep the corpus and outputs at the end
   * @param listJobs print every Spark job of each pipeline round
   */
  public record Settings(int docs, long seed, int rounds, String master, Path work, boolean keep,
      boolean listJobs) {}

  /** What was wrong with the settings, for the user to fix; null when they are usable. */
  public static String problem(Settings s) {
    if (s.docs() < 1 || s.rounds() < 1) {
      return "--docs and --rounds must be at least 1";
    }
    if (s.work() != null && Files.exists(s.work().toAbsolutePath().resolve("corpus"))) {
      return "--work " + s.work().toAbsolutePath() + " already holds corpus/; remove it or choose another folder";
    }
    return null;
  }

  private IngestBenchmark() {}

  /**
   * Runs the benchmark and prints as it goes (a round takes seconds to minutes).
   *
   * @param spark makes the session, once the corpus exists (its start is not timed)
   * @return 0, or 1 when the last pipeline round did not make every file a document
   */
  public static int run(Settings s, Supplier<SparkSession> spark, PrintWriter out) throws IOException {
    boolean temporary = s.work() == null;
    Path root = temporary ? Files.createTempDirectory("observatory-bench-") : s.work().toAbsolutePath();
    Path corpus = root.resolve("corpus");
    List<Path> created = new ArrayList<>(List.of(corpus));
    try {
      print(out, String.format("bench ingest: %d documents, seed %d, %d rounds, master %s, work %s", s.docs(),
          s.seed(), s.rounds(), s.master(), root));
      long t0 = System.nanoTime();
      long bytes = BenchCorpus.write(corpus, s.docs(), s.seed());
      List<Path> files = WorkFolder.listFiles(corpus);
      print(out, String.format("generated %d files, %.1f MB in %.1f s", files.size(), bytes / 1e6,
          (System.nanoTime() - t0) / 1e9));

      List<BenchRound> baseline = new ArrayList<>();
      List<BenchRound> pipeline = new ArrayList<>();
      SparkSession session = spark.get();
      SparkJobTimes jobTimes = new SparkJobTimes();
      session.sparkContext().addSparkListener(jobTimes);
      try {
        // Interleaved, so that slow drift of the machine (other load, thermal) touches both sides alike.
        for (int r = 1; r <= s.rounds(); r++) {
          baseline.add(BaselineLoop.run(r, files, bytes));
          print(out, BenchReport.round(baseline.get(r - 1)));
          Path outDir = root.resolve("out-" + r);
          created.add(outDir);
          jobTimes.clear();
          long start = System.currentTimeMillis();
          pipeline.add(pipelineRound(r, session, corpus, outDir));
          long end = System.currentTimeMillis();
          print(out, BenchReport.round(pipeline.get(r - 1)));
          print(out, SparkJobTimes.describe(jobTimes.snapshot(), start, end, s.listJobs()).stream()
              .map(line -> "          " + line).toList());
        }
      } finally {
        session.stop();
        ParseWorkerPool.closeAll();
      }
      print(out, BenchReport.summary(s.rounds(), BenchRound.best(baseline), BenchRound.best(pipeline), s.master(),
          ParseLimits.DEFAULTS.workerHeapMb()));
      BenchRound last = pipeline.get(pipeline.size() - 1);
      return last.rejects() > 0 || last.documents() != files.size() ? 1 : 0;
    } finally {
      if (!s.keep()) {
        created.forEach(WorkFolder::deleteTree);
        if (temporary) {
          WorkFolder.deleteTree(root);
        }
      } else {
        out.println("kept: " + root);
      }
      out.flush();
    }
  }

  /** One timed ingest of the corpus into a fresh output folder, with the default limits. */
  private static BenchRound pipelineRound(int round, SparkSession spark, Path corpus, Path outDir) {
    DriverHeap.resetPeaks();
    CpuTime cpu = CpuTime.now();
    long t0 = System.nanoTime();
    IngestSummary s = IngestJob.run(spark, corpus.toString(), null, ParseLimits.DEFAULTS,
        new DatasetWriter(spark, outDir.toString()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    String reasons = s.rejectsByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return new BenchRound("pipeline", round, s.files(), s.bytes(), seconds, s.documents(), s.rejects(),
        s.documentsByType() + (reasons.isEmpty() ? "" : "; rejects: " + reasons) + "; " + CpuTime.now().since(cpu),
        DriverHeap.peakBytes());
  }

  private static void print(PrintWriter out, String line) {
    print(out, List.of(line));
  }

  /** Flushed at once: the rounds are long, and a reader watching should see each as it ends. */
  private static void print(PrintWriter out, List<String> lines) {
    lines.forEach(out::println);
    out.flush();
  }
}
