package org.opennessobservatory.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.bench.IncrementalBenchmark;
import org.opennessobservatory.bench.IngestBenchmark;
import org.opennessobservatory.bench.InfluenceBenchmark;
import org.opennessobservatory.bench.PipelineBenchmark;
import org.opennessobservatory.bench.SegmentBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks. Speed is never asserted by a timed unit test: each benchmark measures both sides in the same JVM and
 * run, on the same files, and prints the ratio. The work is in {@code org.opennessobservatory.bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {BenchCommand.Ingest.class, BenchCommand.Segment.class,
    BenchCommand.Influence.class, BenchCommand.Pipeline.class, BenchCommand.Incremental.class},
    description = "Measure a stage against a plain single-threaded Java loop doing the same work, in one run.")
final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. 'bench ingest'");
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Generate N documents (PDF/DOCX/HTML/TXT), then time ingest on Spark (default local[2]) against "
          + "a single-threaded loop of Tika parse + OpenNLP sentence/token counts over the same files. The first "
          + "round of each side is warm-up: reported, not used for the ratio.")
  static final class Ingest implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--docs", paramLabel = "N", defaultValue = "1600",
        description = "Documents to generate (default ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--work", paramLabel = "DIR",
        description = "Folder for the corpus and outputs (default: a temporary folder). Must not hold a corpus/.")
    Path work;

    @Option(names = "--keep", description = "Keep the corpus and the outputs (otherwise deleted at the end).")
    boolean keep;

    @Mixin
    Common common;

    @Override
    public Integer call() throws IOException {
      IngestBenchmark.Settings settings = new IngestBenchmark.Settings(docs, common.seed, common.rounds,
          common.master, work, keep, common.listJobs);
      String problem = IngestBenchmark.problem(settings);
      if (problem != null) {
        throw new UserException(problem);
      }
      return IngestBenchmark.run(settings, common::spark, spec.commandLine().getOut());
    }
  }

  @Command(name = "segment", mixinStandardHelpOptions = true,
      description = "Generate N transcripts in memory (no files, no Tika), then time the segment stage on Spark "
          + "(default local[2]; forced by one aggregation over all utterances) against a single-threaded loop of "
          + "OpenNLP sentence detector + tokenizer counts over the same texts, in alternating rounds. Round 1 is "
          + "warm-up. Measures segment + resolve.")
  static final class Segment implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // 600 x ~10,000 words (a real session transcript's length) = 6 M words: measured 80 s for the whole run on 2
    // busy cores (warm rounds ~10 s segment, ~20 s baseline), under the 2 minutes a default run may take.
    @Option(names = "--docs", paramLabel = "N", defaultValue = "600",
        description = "Transcripts to generate (default ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--words", paramLabel = "W", defaultValue = "10000",
        description = "Target words per transcript (default ${DEFAULT-VALUE}, about a real session transcript).")
    int words;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
        description = "Partitions of the cached documents dataset (default: 4 per task slot).")
    int partitions;

    @Mixin
    Common common;

    @Override
    public Integer call() {
      SegmentBenchmark.Settings settings = new SegmentBenchmark.Settings(docs, words, common.seed, common.rounds,
          common.master, partitions, common.listJobs);
      String problem = SegmentBenchmark.problem(settings);
      if (problem != null) {
        throw new UserException(problem);
      }
      return SegmentBenchmark.run(settings, common::spark, spec.commandLine().getOut());
    }
  }

  @Command(name = "influence", mixinStandardHelpOptions = true,
      description = "Generate contributions and outcomes in processes, then time stage influence on Spark against a "
          + "single-threaded all-pairs 5-gram comparison of the same texts; prints pairs examined, passages, time.")
  static final class Influence implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--docs", paramLabel = "N", defaultValue = "3000",
        description = "Contributions to generate (default ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--per-process", paramLabel = "P", defaultValue = "300",
        description = "Contributions per process (default ${DEFAULT-VALUE}).")
    int perProcess;

    @Mixin
    Common common;

    @Override
    public Integer call() {
      InfluenceBenchmark.Settings settings = new InfluenceBenchmark.Settings(docs, perProcess, common.seed,
          common.master);
      String problem = InfluenceBenchmark.problem(settings);
      if (problem != null) {
        throw new UserException(problem);
      }
      return InfluenceBenchmark.run(settings, common::spark, spec.commandLine().getOut());
    }
  }

  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = "Per --scale, generate an archive (observatory generate; not timed), run the single-threaded "
          + "bare loop (Tika parse + OpenNLP sentence/token counts of the same files), then the whole pipeline "
          + "(observatory run, every stage) in the same JVM; print words/s, documents/s, time per stage, the "
          + "driver's peak heap and the ratio, and with several scales how time and heap grow.")
  static final class Pipeline implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
        description = "Archive scale (1 = 600 transcripts + 300 documents, ~6M words); repeat to compare scales "
            + "(default ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws IOException {
      PipelineBenchmark.Settings settings = new PipelineBenchmark.Settings(scales, archive.seed,
          archive.master, archive.work, archive.keep);
      String problem = PipelineBenchmark.problem(settings);
      if (problem != null) {
        throw new UserException(problem);
      }
      return PipelineBenchmark.run(settings, spec.commandLine().getOut());
    }
  }

  @Command(name = "incremental", mixinStandardHelpOptions = true,
      description = "Generate an archive; run it without its newest year with --incremental, add the newest year "
          + "(about a tenth of the files) and run --incremental again, then a full run of the whole corpus, in the "
          + "same JVM; print both times, their ratio, and whether every dataset of the two runs is the same.")
  static final class Incremental implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "0.2",
        description = "Archive scale (1 = 600 transcripts + 300 documents, ~6M words; default ${DEFAULT-VALUE}).")
    double scale;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() throws IOException {
      if (!(scale > 0)) {
        throw new UserException("--scale must be positive");
      }
      if (archive.work != null && Files.exists(archive.work)) {
        throw new UserException(archive.work + " already exists: give a new --work folder");
      }
      return IncrementalBenchmark.run(new IncrementalBenchmark.Settings(scale, archive.seed, archive.master,
          archive.work, archive.keep), spec.commandLine().getOut());
    }
  }

  /** The options of the benchmarks that generate an archive and run the whole pipeline over it. */
  static final class ArchiveOptions {
    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
        description = "Spark master of the runs (default ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--work", paramLabel = "DIR", description = "A new folder for the corpora and the outputs "
        + "(default: a temporary folder).")
    Path work;

    @Option(names = "--keep", description = "Keep the corpora and the outputs (otherwise deleted at the end).")
    boolean keep;
  }

  /** The options every benchmark takes. */
  static final class Common {
    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "2",
        description = "Rounds per side; round 1 warms the JVM, the JIT (and the parse workers) (default "
            + "${DEFAULT-VALUE}). The ratio uses the best of rounds 2..R of each side.")
    int rounds;

    @Option(names = "--jobs", description = "List every Spark job of each pipeline round with its duration.")
    boolean listJobs;

    // Not the shared SparkOptions mixin: its help promises local[*], and the ratio targets are set for two task
    // slots, so the benchmarks have their own default.
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
        description = "Spark master (default ${DEFAULT-VALUE}: the two task slots the ratio targets are set for; "
            + "local[*], spark://host:7077 …).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
        description = "A Spark setting, applied over the defaults; repeatable (e.g. --conf spark.sql.shuffle."
            + "partitions=4).")
    Map<String, String> conf = new LinkedHashMap<>();

    SparkSession spark() {
      SparkOptions options = new SparkOptions();
      options.master = master;
      options.conf.putAll(conf);
      return SparkSessions.create("observatory-bench", options);
    }
  }
}
