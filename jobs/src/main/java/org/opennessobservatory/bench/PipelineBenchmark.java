package org.opennessobservatory.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennessobservatory.generate.ArchiveWriter;

/**
 * {@code bench pipeline}: per scale, generates an archive ({@link ArchiveWriter}, not timed), runs the single-threaded
 * bare loop (Tika parse + OpenNLP sentence/token counts of the same files, {@link BaselineLoop}), then the whole
 * pipeline ({@code observatory run}, every stage, written to Parquet) in the same JVM. Prints words/s, documents/s,
 * time per stage, the driver's peak heap and the ratio; with several scales, how time and heap grow between them.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public record Settings(List<Double> scales, long seed, String master, Path work, boolean keep) {}

  public static String problem(Settings s) {
    if (s.scales().isEmpty() || s.scales().stream().anyMatch(x -> !(x > 0))) {
      return "--scale must be positive (repeat it to compare scales, e.g. --scale 1 --scale 2)";
    }
    return s.work() != null && Files.exists(s.work().resolve("scale-" + s.scales().get(0)))
        ? s.work() + " already holds a benchmark corpus: give a new --work folder" : null;
  }

  /** One scale's figures. */
  record Result(double scale, long files, long words, BenchRound baseline, BenchRound pipeline,
      Map<String, Double> stageSeconds) {}

  public static int run(Settings s, PrintWriter out) throws IOException {
    Path work = WorkFolder.open(s.work(), "pipeline");
    List<Result> results = new ArrayList<>();
    try {
      for (double scale : s.scales()) {
        Path dir = work.resolve("scale-" + scale);
        ArchiveWriter.Written w = ArchiveWriter.write(dir.resolve("corpus"), scale, s.seed());
        List<Path> files = WorkFolder.listFiles(dir.resolve("corpus")).stream()
            .filter(p -> !p.getFileName().toString().equals("manifest.csv")).toList();
        out.printf(Locale.ROOT, "bench pipeline: scale %s, %,d files (%,d transcripts), %,d words, %.1f MB, seed %d,"
            + " master %s%n", scale, files.size(), w.transcripts(), w.words(), w.bytes() / 1e6, s.seed(), s.master());
        out.flush();
        BenchRound baseline = BaselineLoop.run(1, files, w.bytes());
        out.printf(Locale.ROOT, "  bare loop (1 thread): %.1f s, %,.0f words/s, %.1f docs/s, peak heap %,d MB; %s%n",
            baseline.seconds(), w.words() / baseline.seconds(), baseline.docsPerSecond(),
            baseline.peakHeapBytes() >> 20, baseline.detail());
        out.flush();
        Path output = dir.resolve("output");
        DriverHeap.resetPeaks();
        InProcessRun run = InProcessRun.of("run", "--corpus", dir.resolve("corpus").toString(), "--out",
            output.toString(), "--master", s.master());
        double seconds = run.seconds();
        if (run.exit() != 0) {
          throw new IllegalStateException("the pipeline failed (exit " + run.exit() + "): " + run.err());
        }
        BenchRound pipeline = new BenchRound("pipeline", 1, files.size(), w.bytes(), seconds, files.size(), 0,
            "", DriverHeap.peakBytes());
        Map<String, Double> stages = stageSeconds(output.resolve("_run.json"));
        out.printf(Locale.ROOT, "  pipeline (%s, every stage, Parquet written): %.1f s, %,.0f words/s, %.1f docs/s, "
            + "driver peak heap %,d MB%n", s.master(), seconds, w.words() / seconds, pipeline.docsPerSecond(),
            pipeline.peakHeapBytes() >> 20);
        stages.forEach((stage, t) -> out.printf(Locale.ROOT, "    %-16s %7.1f s%n", stage, t));
        out.printf(Locale.ROOT, "  ratio (pipeline speed / bare loop speed): %.2f%n",
            BenchRound.ratio(baseline, pipeline));
        out.flush();
        results.add(new Result(scale, files.size(), w.words(), baseline, pipeline, stages));
      }
      for (int k = 1; k < results.size(); k++) {
        Result a = results.get(0);
        Result b = results.get(k);
        out.printf(Locale.ROOT, "scale %s vs %s: %.2f x the words, pipeline time x %.2f, driver peak heap x %.2f%n",
            b.scale(), a.scale(), (double) b.words() / a.words(), b.pipeline().seconds() / a.pipeline().seconds(),
            (double) b.pipeline().peakHeapBytes() / a.pipeline().peakHeapBytes());
      }
      out.flush();
      return 0;
    } finally {
      WorkFolder.close(work, s.keep(), out);
    }
  }

  /** The run manifest's time per stage. */
  static Map<String, Double> stageSeconds(Path runJson) throws IOException {
    JsonNode times = new ObjectMapper().readTree(runJson.toFile()).path("stage_seconds");
    Map<String, Double> m = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = times.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asDouble());
    }
    return m;
  }
}
