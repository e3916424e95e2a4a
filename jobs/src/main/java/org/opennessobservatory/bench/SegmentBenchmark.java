package org.opennessobservatory.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.generate.BenchCorpus;
import org.opennessobservatory.nlp.WordCounter;
import org.opennessobservatory.speakers.Registry;
import org.opennessobservatory.speakers.ResolveStage;
import org.opennessobservatory.speakers.StakeholderKeywords;
import org.opennessobservatory.transcripts.SegmentStage;

/**
 * {@code bench segment}: generates N transcripts in memory, then times stages segment and resolve
 * ({@link SegmentStage#utterances}, {@link ResolveStage#resolve}) on Spark against the single-threaded OpenNLP
 * sentence + token loop ({@link SentenceTokenLoop}) over the same texts, in alternating rounds in one JVM. No files
 * and no Tika: this measures segmentation and speaker resolution.
 *
 * <p>The documents dataset is built from the texts, repartitioned and cached before the first round (not timed), so
 * a round reads texts from memory as the baseline does. A round is forced to run completely by one aggregation over
 * all utterances (turns, words, sentences, questions, removed words), collected to the driver.
 */
public final class SegmentBenchmark {
  static final String FORCED_BY = "one aggregation (count, sum of words, sentences, questions, removed_words, "
      + "turns with a person) over all resolved utterances and a count of speakers, collected to the driver; segment "
      + "runs as resolve reads its output, as in the pipeline; no output written";

  /**
   * @param words target words per transcript
   * @param partitions partitions of the cached documents dataset; 0 for 4 per task slot
   */
  public record Settings(int docs, int words, long seed, int rounds, String master, int partitions,
      boolean listJobs) {}

  /** What was wrong with the settings, for the user to fix; null when they are usable. */
  public static String problem(Settings s) {
    if (s.docs() < 1 || s.rounds() < 1 || s.words() < 1) {
      return "--docs, --words and --rounds must be at least 1";
    }
    if (s.partitions() < 0) {
      return "--partitions must not be negative";
    }
    return null;
  }

  private SegmentBenchmark() {}

  /** The documents rows SegmentStage reads: the columns it selects, plus doc_type "transcript". */
  static StructType documentsSchema() {
    return new StructType().add("doc_id", DataTypes.StringType, false).add("session_id", DataTypes.StringType)
        .add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("language", DataTypes.StringType).add("text", DataTypes.StringType)
        .add("doc_type", DataTypes.StringType);
  }

  static Row documentRow(BenchCorpus.Transcript t) {
    return RowFactory.create(t.docId(), t.docId(), t.forum(), t.year(), "en", t.text(), "transcript");
  }

  /** Runs the benchmark and prints as it goes; returns 0, or 1 when segment found no turns. */
  public static int run(Settings s, Supplier<SparkSession> spark, PrintWriter out) {
    print(out, String.format("bench segment: %d transcripts of ~%,d words, seed %d, %d rounds, master %s", s.docs(),
        s.words(), s.seed(), s.rounds(), s.master()));
    print(out, SegmentReport.SCOPE);
    print(out, String.format("load average at the start: %.2f (1 min)", loadAverage()));
    long t0 = System.nanoTime();
    List<BenchCorpus.Transcript> transcripts = IntStream.range(0, s.docs()).parallel()
        .mapToObj(i -> BenchCorpus.transcript(i, s.seed(), s.words())).toList();
    List<String> texts = transcripts.stream().map(BenchCorpus.Transcript::text).toList();
    long words = texts.stream().mapToLong(WordCounter::countWords).sum();
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    print(out, String.format("generated %d transcripts, %,d words, %.1f MB UTF-8 in %.1f s", texts.size(), words,
        bytes / 1e6, (System.nanoTime() - t0) / 1e9));

    SparkSession session = spark.get();
    try {
      SparkJobTimes jobTimes = new SparkJobTimes();
      session.sparkContext().addSparkListener(jobTimes);
      int partitions = s.partitions() > 0 ? s.partitions() : 4 * session.sparkContext().defaultParallelism();
      long c0 = System.nanoTime();
      Dataset<Row> documents = session.createDataFrame(transcripts.stream().map(SegmentBenchmark::documentRow)
          .toList(), documentsSchema()).repartition(partitions).persist(StorageLevel.MEMORY_ONLY());
      long cached = documents.count();
      print(out, String.format("documents dataset: %d rows in %d partitions, cached in %.1f s (not timed)", cached,
          partitions, (System.nanoTime() - c0) / 1e9));
      print(out, "forced by: " + FORCED_BY);
      print(out, SegmentReport.header());

      List<SegmentRound> baseline = new ArrayList<>();
      List<SegmentRound> segment = new ArrayList<>();
      for (int r = 1; r <= s.rounds(); r++) {
        baseline.add(baselineRound(r, texts, words));
        print(out, SegmentReport.round(baseline.get(r - 1)));
        jobTimes.clear();
        long start = System.currentTimeMillis();
        segment.add(segmentRound(r, session, documents, texts.size(), words));
        long end = System.currentTimeMillis();
        print(out, SegmentReport.round(segment.get(r - 1)));
        print(out, SparkJobTimes.describe(jobTimes.snapshot(), start, end, s.listJobs()).stream()
            .map(line -> "          " + line).toList());
        // A shared machine's other load takes more from the two-slot side than from the one-thread side.
        print(out, String.format("          load average after round %d: %.2f (1 min)", r, loadAverage()));
      }
      print(out, SegmentReport.summary(s.rounds(), SegmentRound.best(baseline), SegmentRound.best(segment),
          s.master(), FORCED_BY));
      return segment.get(segment.size() - 1).detail().startsWith("0 turns") ? 1 : 0;
    } finally {
      session.stop();
      out.flush();
    }
  }

  /** The single-threaded loop: sentence detector + model tokenizer over every text, counted. */
  static SegmentRound baselineRound(int round, List<String> texts, long words) {
    DriverHeap.resetPeaks();
    long gc0 = gcMillis();
    long t0 = System.nanoTime();
    SentenceTokenLoop nlp = new SentenceTokenLoop();
    for (String text : texts) {
      nlp.add(text);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new SegmentRound("baseline", round, texts.size(), words, seconds,
        String.format("%,d sentences, %,d tokens; GC %.2f s", nlp.sentences(), nlp.tokens(),
            (gcMillis() - gc0) / 1e3), DriverHeap.peakBytes());
  }

  private static SegmentRound segmentRound(int round, SparkSession session, Dataset<Row> documents, long docs,
      long words) {
    DriverHeap.resetPeaks();
    long gc0 = gcMillis();
    long t0 = System.nanoTime();
    ResolveStage.Resolution r = ResolveStage.resolve(session, SegmentStage.utterances(documents),
        ResolveStage.Lookups.of(Registry.empty(), StakeholderKeywords.shipped()), true);
    Row totals = r.utterances().agg(count(lit(1)), sum("words"), sum("sentences"), sum("questions"),
        sum("removed_words"), count("person_id")).first();
    long persons = r.speakers().count();
    double seconds = (System.nanoTime() - t0) / 1e9;
    r.unpersist();
    return new SegmentRound("segment+resolve", round, docs, words, seconds, detail(totals, words)
        + String.format("; %,d turns with a person, %,d persons; GC %.2f s", totals.getLong(5), persons,
        (gcMillis() - gc0) / 1e3), DriverHeap.peakBytes());
  }

  /** The aggregate row (turns, words, sentences, questions, removed words) in words. */
  static String detail(Row totals, long inputWords) {
    long turns = totals.getLong(0);
    long segmented = totals.isNullAt(1) ? 0 : totals.getLong(1);
    return String.format("%,d turns, %,d words segmented (%.1f%% of the input; the rest labels and titles), "
            + "%,d sentences, %,d questions, %,d words removed as non-speech", turns, segmented,
        100.0 * segmented / inputWords, totals.isNullAt(2) ? 0 : totals.getLong(2),
        totals.isNullAt(3) ? 0 : totals.getLong(3), totals.isNullAt(4) ? 0 : totals.getLong(4));
  }

  /** Collection time of all collectors so far: in local mode the executors' GC is this JVM's too. */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void print(PrintWriter out, String line) {
    print(out, List.of(line));
  }

  private static void print(PrintWriter out, List<String> lines) {
    lines.forEach(out::println);
    out.flush();
  }
}
