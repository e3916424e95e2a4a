package org.opennessobservatory.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.opennessobservatory.generate.BenchCorpus;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.IngestSummary;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.ParseWorkerPool;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.nlp.Models;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks. Speed is never asserted by a timed unit test: this command measures both sides in the same JVM and
 * run, on the same files, and prints the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Ingest.class,
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

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR",
        description = "Folder for the corpus and outputs (default: a temporary folder). Must not hold a corpus/.")
    Path work;

    @Option(names = "--keep", description = "Keep the corpus and the outputs (otherwise deleted at the end).")
    boolean keep;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "2",
        description = "Rounds per side; round 1 warms the JVM, the JIT and the parse workers (default "
            + "${DEFAULT-VALUE}). The ratio uses the best of rounds 2..R of each side.")
    int rounds;

    @Option(names = "--jobs", description = "List every Spark job of each pipeline round with its duration.")
    boolean listJobs;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws IOException {
      if (docs < 1 || rounds < 1) {
        throw new UserException("--docs and --rounds must be at least 1");
      }
      if (sparkOptions.master == null) {
        sparkOptions.master = "local[2]";
      }
      PrintWriter out = spec.commandLine().getOut();
      boolean temporary = work == null;
      Path root = temporary ? Files.createTempDirectory("observatory-bench-") : work.toAbsolutePath();
      Path corpus = root.resolve("corpus");
      if (Files.exists(corpus)) {
        throw new UserException("--work " + root + " already holds corpus/; remove it or choose another folder");
      }
      List<Path> created = new ArrayList<>(List.of(corpus));
      try {
        out.printf("bench ingest: %d documents, seed %d, %d rounds, master %s, work %s%n", docs, seed, rounds,
            sparkOptions.master, root);
        out.flush();
        long t0 = System.nanoTime();
        long bytes = BenchCorpus.write(corpus, docs, seed);
        List<Path> files = listFiles(corpus);
        out.printf("generated %d files, %.1f MB in %.1f s%n", files.size(), bytes / 1e6, seconds(t0));
        out.flush();

        List<Round> baseline = new ArrayList<>();
        List<Round> pipeline = new ArrayList<>();
        SparkSession spark = SparkSessions.create("observatory-bench", sparkOptions);
        JobTimes jobTimes = new JobTimes();
        spark.sparkContext().addSparkListener(jobTimes);
        try {
          // Interleaved, so that slow drift of the machine (other load, thermal) touches both sides alike.
          for (int r = 1; r <= rounds; r++) {
            baseline.add(baseline(r, files, bytes));
            print(out, baseline.get(baseline.size() - 1));
            Path outDir = root.resolve("out-" + r);
            created.add(outDir);
            jobTimes.start();
            pipeline.add(pipeline(r, spark, corpus, outDir));
            jobTimes.end();
            print(out, pipeline.get(pipeline.size() - 1));
            jobTimes.print(out, listJobs);
          }
        } finally {
          spark.stop();
          ParseWorkerPool.closeAll();
        }
        report(out, baseline, pipeline);
        Round last = pipeline.get(pipeline.size() - 1);
        return last.rejects > 0 || last.documents != files.size() ? 1 : 0;
      } finally {
        if (!keep) {
          for (Path p : created) {
            deleteTree(p);
          }
          if (temporary) {
            deleteTree(root);
          }
        } else {
          out.println("kept: " + root);
        }
        out.flush();
      }
    }

    /** One timed pass of one side. Heap is the driver's peak during the pass (sum of the heap pools' peaks). */
    record Round(String side, int round, long files, long bytes, double seconds, long documents, long rejects,
        String detail, long peakHeapBytes) {
      double docsPerSecond() {
        return files / seconds;
      }

      double mbPerSecond() {
        return bytes / 1e6 / seconds;
      }
    }

    /** Single thread, in process: Tika AutoDetectParser + OpenNLP sentence detector and model tokenizer. */
    private static Round baseline(int round, List<Path> files, long totalBytes) throws IOException {
      resetPeaks();
      long t0 = System.nanoTime();
      AutoDetectParser parser = new AutoDetectParser();
      SentenceDetectorME sentences = new SentenceDetectorME(Models.englishSentences());
      TokenizerME tokenizer = new TokenizerME(Models.englishTokens());
      long read = 0;
      long ok = 0;
      long failed = 0;
      long sentenceCount = 0;
      long tokenCount = 0;
      long parseNanos = 0;
      long nlpNanos = 0;
      for (Path file : files) {
        long p0 = System.nanoTime();
        byte[] bytes = Files.readAllBytes(file);
        read += bytes.length;
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        BodyContentHandler handler = new BodyContentHandler(-1);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
          parser.parse(in, handler, metadata, context);
        } catch (Exception e) {
          failed++;
          continue;
        }
        String text = handler.toString();
        long p1 = System.nanoTime();
        parseNanos += p1 - p0;
        if (text.isBlank()) {
          failed++;
          continue;
        }
        for (String sentence : sentences.sentDetect(text)) {
          sentenceCount++;
          tokenCount += tokenizer.tokenize(sentence).length;
        }
        nlpNanos += System.nanoTime() - p1;
        ok++;
      }
      double s = seconds(t0);
      if (read != totalBytes) {
        throw new IllegalStateException("baseline read " + read + " bytes, the corpus has " + totalBytes);
      }
      return new Round("baseline", round, files.size(), read, s, ok, failed,
          String.format("%,d sentences, %,d tokens; read+Tika %.2f s, OpenNLP sentences+tokens %.2f s",
              sentenceCount, tokenCount, parseNanos / 1e9, nlpNanos / 1e9), peakHeap());
    }

    private static Round pipeline(int round, SparkSession spark, Path corpus, Path outDir) {
      resetPeaks();
      long t0 = System.nanoTime();
      IngestSummary s = IngestJob.run(spark, corpus.toString(), null, ParseLimits.DEFAULTS,
          new DatasetWriter(spark, outDir.toString()));
      double seconds = seconds(t0);
      String reasons = s.rejectsByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
      return new Round("pipeline", round, s.files(), s.bytes(), seconds, s.documents(), s.rejects(),
          s.documentsByType() + (reasons.isEmpty() ? "" : "; rejects: " + reasons), peakHeap());
    }

    private static final String ROW = "%-9s %5s %6s %8s %8s %11s %8s %10s %8s%n";

    private static void print(PrintWriter out, Round r) {
      out.printf(ROW, r.side, "#" + r.round, r.files, String.format("%.1f", r.bytes / 1e6),
          String.format("%.2f", r.seconds), String.format("%.1f", r.docsPerSecond()),
          String.format("%.2f", r.mbPerSecond()), r.documents + "/" + r.rejects, mb(r.peakHeapBytes));
      out.println("          " + r.detail);
      if (r.rejects > 0) {
        out.printf("!!!!!!!! %s round %d: %d REJECTS (expected 0) !!!!!!!!%n", r.side, r.round, r.rejects);
      }
      out.flush();
    }

    private void report(PrintWriter out, List<Round> baseline, List<Round> pipeline) {
      Round b = best(baseline);
      Round p = best(pipeline);
      String which = rounds == 1 ? "round 1 (COLD: no warm-up round; use --rounds 2 or more)"
          : rounds == 2 ? "round 2 (round 1 is warm-up)" : "the best of rounds 2.." + rounds + " of each side";
      out.println();
      out.println("=== bench ingest: " + which + " ===");
      out.printf(ROW, "side", "round", "files", "MB", "seconds", "documents/s", "MB/s", "docs/rej", "peak heap");
      print(out, b);
      print(out, p);
      double ratio = p.docsPerSecond() / b.docsPerSecond();
      out.printf("ratio pipeline/baseline (documents/s): %.2f  (target >= 1.6 on 2 cores, warm, N >= 1600)%n",
          ratio);
      out.printf("pipeline: %d documents, %d rejects%n", p.documents, p.rejects);
      if (p.rejects > 0 || p.documents != p.files) {
        out.printf("!!!!!!!! PIPELINE REJECTED %d OF %d FILES (expected 0): %s !!!!!!!!%n", p.rejects, p.files,
            p.detail);
      }
      Runtime rt = Runtime.getRuntime();
      out.printf("driver peak heap: baseline %s, pipeline %s (max heap %s); each parse worker JVM -Xmx%dm%n",
          mb(b.peakHeapBytes), mb(p.peakHeapBytes), mb(rt.maxMemory()), ParseLimits.DEFAULTS.workerHeapMb());
      out.printf("JVM: %s %s (%s), GC %s; %d cores available; master %s%n", System.getProperty("java.vm.name"),
          System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
          ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
              .collect(Collectors.joining("+")), rt.availableProcessors(), sparkOptions.master);
      out.flush();
    }

    private static Round best(List<Round> rounds) {
      List<Round> warm = rounds.size() > 1 ? rounds.subList(1, rounds.size()) : rounds;
      return warm.stream().min(Comparator.comparingDouble(Round::seconds)).orElseThrow();
    }

    private static void resetPeaks() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          pool.resetPeakUsage();
        }
      }
    }

    private static long peakHeap() {
      long sum = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
          sum += pool.getPeakUsage().getUsed();
        }
      }
      return sum;
    }

    private static String mb(long bytes) {
      return String.format("%d MB", bytes >> 20);
    }

    private static double seconds(long startNanos) {
      return (System.nanoTime() - startNanos) / 1e9;
    }

    private static List<Path> listFiles(Path dir) throws IOException {
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile).sorted().toList();
      }
    }

    private static void deleteTree(Path p) {
      if (!Files.exists(p)) {
        return;
      }
      try (Stream<Path> s = Files.walk(p)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("deleting " + p, e);
      }
    }
  }

  /** Wall time of each Spark job and the summed run time of its tasks, to see where a pipeline round goes. */
  static final class JobTimes extends SparkListener {
    private final Map<Integer, long[]> jobs = new ConcurrentHashMap<>(); // start ms, end ms, tasks, task run ms
    private final Map<Integer, String> callSites = new ConcurrentHashMap<>();
    private volatile long roundStart;
    private volatile long roundEnd;
    private final Map<Integer, Integer> stageToJob = new ConcurrentHashMap<>();
    private volatile long firstStart = Long.MAX_VALUE;
    private volatile long lastEnd;

    void start() {
      clear();
      roundStart = System.currentTimeMillis();
    }

    void end() {
      roundEnd = System.currentTimeMillis();
    }

    void clear() {
      callSites.clear();
      jobs.clear();
      stageToJob.clear();
      firstStart = Long.MAX_VALUE;
      lastEnd = 0;
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
      jobs.put(e.jobId(), new long[] {e.time(), -1, 0, 0});
      String site = e.properties() == null ? null : e.properties().getProperty("callSite.short");
      callSites.put(e.jobId(), site == null ? "?" : site);
      firstStart = Math.min(firstStart, e.time());
      for (Object id : scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds())) {
        stageToJob.put((Integer) id, e.jobId());
      }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
      long[] j = jobs.get(e.jobId());
      if (j != null) {
        j[1] = e.time();
      }
      lastEnd = Math.max(lastEnd, e.time());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
      Integer job = stageToJob.get(e.stageId());
      long[] j = job == null ? null : jobs.get(job);
      if (j != null && e.taskMetrics() != null) {
        synchronized (j) {
          j[2]++;
          j[3] += e.taskMetrics().executorRunTime();
        }
      }
    }

    void print(PrintWriter out, boolean each) {
      // Listener events arrive asynchronously; give the bus a moment to drain.
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<Map.Entry<Integer, long[]>> sorted = jobs.entrySet().stream()
          .sorted(Map.Entry.comparingByKey()).toList();
      if (sorted.isEmpty()) {
        return;
      }
      long total = 0;
      Map.Entry<Integer, long[]> longest = sorted.get(0);
      for (Map.Entry<Integer, long[]> e : sorted) {
        long d = e.getValue()[1] - e.getValue()[0];
        total += d;
        if (d > longest.getValue()[1] - longest.getValue()[0]) {
          longest = e;
        }
        if (each) {
          out.printf("          job %3d: %6d ms, %4d tasks, %7d ms task time  %s%n", e.getKey(), d, e.getValue()[2],
              e.getValue()[3], callSites.get(e.getKey()));
        }
      }
      long[] l = longest.getValue();
      out.printf("          spark: %d jobs, %.2f s in jobs (first job start to last job end %.2f s); longest job %d:"
              + " %.2f s, %d tasks, %.2f s task time; other %d jobs: %.2f s%n", sorted.size(), total / 1e3,
          (lastEnd - firstStart) / 1e3, longest.getKey(), (l[1] - l[0]) / 1e3, l[2], l[3] / 1e3,
          sorted.size() - 1, (total - (l[1] - l[0])) / 1e3);
      out.printf("          driver outside jobs: %.2f s before the first job, %.2f s between jobs, %.2f s after the last"
          + "%n", (firstStart - roundStart) / 1e3, (lastEnd - firstStart - total) / 1e3, (roundEnd - lastEnd) / 1e3);
      out.flush();
    }
  }
}
