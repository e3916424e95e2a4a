package org.opennessobservatory.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.generate.ArchiveWriter;
import org.opennessobservatory.ingest.ManifestColumns;
import org.opennessobservatory.query.OutputComparison;

/**
 * {@code bench incremental}: a generated archive without its newest year is run with {@code --incremental} (which
 * fills the store); then the newest year's files are added, as a researcher adds a new year, and the same output root
 * is run with {@code --incremental} again; then a full run over the whole corpus into a fresh root, in the same JVM
 * (after the incremental one, so it has the warmer JIT). Prints the time of each, their ratio, and whether every
 * dataset of the incremental run equals the full run's.
 */
public final class IncrementalBenchmark {
  private IncrementalBenchmark() {}

  public record Settings(double scale, long seed, String master, Path work, boolean keep) {}

  /** A path of the generated archive: forum/year/file. */
  private static final Pattern YEAR = Pattern.compile("^[^/]+/(\\d{4})/");

  public static int run(Settings s, PrintWriter out) throws IOException {
    Path work = WorkFolder.open(s.work(), "incremental");
    try {
      Path archive = work.resolve("archive");
      ArchiveWriter.Written w = ArchiveWriter.write(archive, s.scale(), s.seed());
      List<String> files = WorkFolder.listFiles(archive).stream().map(p -> archive.relativize(p).toString())
          .filter(p -> !p.equals("manifest.csv")).sorted().toList();
      int newest = files.stream().mapToInt(IncrementalBenchmark::year).max().orElseThrow();
      List<String> added = files.stream().filter(p -> year(p) == newest).toList();
      Path corpus = work.resolve("corpus");
      for (String f : files) {
        if (year(f) != newest) {
          link(archive, corpus, f);
        }
      }
      manifestWithout(archive.resolve("manifest.csv"), corpus.resolve("manifest.csv"), Set.copyOf(added));
      out.printf(Locale.ROOT, "bench incremental: scale %s, seed %d, master %s: %,d files (%,d words); the newest "
          + "year, %d, adds %,d files (%.1f%%)%n", s.scale(), s.seed(), s.master(), files.size(), w.words(), newest,
          added.size(), 100.0 * added.size() / files.size());
      out.flush();

      Path incremental = work.resolve("out-incremental");
      Path full = work.resolve("out-full");
      double before = run(out, "earlier years, --incremental (fills the store)", corpus, incremental, s, true);
      for (String f : added) {
        link(archive, corpus, f);
      }
      Files.copy(archive.resolve("manifest.csv"), corpus.resolve("manifest.csv"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      double inc = run(out, "new year added, --incremental", corpus, incremental, s, true);
      double whole = run(out, "new year added, full run", corpus, full, s, false);
      out.printf(Locale.ROOT, "  incremental / full: %.2f (%.1f s / %.1f s; the first run took %.1f s)%n",
          inc / whole, inc, whole, before);
      out.flush();
      return compare(incremental, full, s.master(), out) ? 0 : 1;
    } finally {
      WorkFolder.close(work, s.keep(), out);
    }
  }

  /** One {@code observatory run} in this JVM; its wall time. */
  private static double run(PrintWriter out, String what, Path corpus, Path output, Settings s, boolean incremental)
      throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--corpus", corpus.toString(), "--out",
        output.toString(), "--master", s.master(), "--quiet"));
    if (incremental) {
      args.add("--incremental");
    }
    InProcessRun run = InProcessRun.of(args.toArray(String[]::new));
    double seconds = run.seconds();
    if (run.exit() != 0) {
      throw new IllegalStateException("the run (" + what + ") failed (exit " + run.exit() + "): " + run.err());
    }
    Map<String, Double> stages = PipelineBenchmark.stageSeconds(output.resolve("_run.json"));
    out.printf(Locale.ROOT, "  %s: %.1f s%n", what, seconds);
    StringBuilder line = new StringBuilder("   ");
    stages.forEach((stage, t) -> line.append(String.format(Locale.ROOT, " %s %.1f", stage, t)));
    out.println(line);
    String reused = run.out().lines().filter(l -> l.contains("parse reused")).findFirst().orElse(null);
    if (reused != null) {
      out.println("    " + reused.strip());
    }
    out.flush();
    return seconds;
  }

  /** Every dataset of the two roots, row for row; true when all are the same. */
  private static boolean compare(Path a, Path b, String master, PrintWriter out) {
    // Each run stopped the session it started.
    SparkSession spark = SparkSession.builder().master(master).appName("bench-incremental-compare")
        .config("spark.ui.enabled", "false").getOrCreate();
    List<String> differences;
    try {
      differences = OutputComparison.differences(spark, a, b);
    } finally {
      spark.stop();
    }
    out.printf("  outputs: %s%n", differences.isEmpty()
        ? "the incremental run's " + OutputComparison.datasets(a).size() + " datasets equal the full run's, row for row"
        : "DIFFERENT from the full run: " + String.join("; ", differences));
    out.flush();
    return differences.isEmpty();
  }

  /** The manifest {@code from} without the rows of {@code paths}, written to {@code to}. */
  private static void manifestWithout(Path from, Path to, Set<String> paths) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setRecordSeparator('\n')
        .get();
    try (CSVParser in = CSVParser.builder().setPath(from).setCharset(StandardCharsets.UTF_8).setFormat(format).get();
        CSVPrinter outCsv = new CSVPrinter(Files.newBufferedWriter(to, StandardCharsets.UTF_8),
            format.builder().setHeader(in.getHeaderNames().toArray(String[]::new)).setSkipHeaderRecord(false).get())) {
      for (CSVRecord r : in) {
        if (!paths.contains(r.get(ManifestColumns.PATH))) {
          outCsv.printRecord(r.values());
        }
      }
    }
  }

  private static int year(String relPath) {
    Matcher m = YEAR.matcher(relPath);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** A hard link: the corpus holds the archive's bytes without copying them. */
  private static void link(Path from, Path to, String relPath) throws IOException {
    Path target = to.resolve(relPath);
    Files.createDirectories(target.getParent());
    Files.createLink(target, from.resolve(relPath));
  }
}
