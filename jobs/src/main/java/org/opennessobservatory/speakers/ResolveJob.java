package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.KeptPartitions;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.transcripts.SegmentStage;

/**
 * Stages segment and resolve's I/O: documents and the corpus registry in; utterances, speakers and coverage written.
 * Segmentation runs as resolve reads the turns: one pass over the text.
 */
public final class ResolveJob {
  private ResolveJob() {}

  /**
   * @param registryPersons persons in the registry read ({@code null} path when the corpus has none)
   * @param persons rows of speakers
   * @param fromRegistry persons matched to the registry
   * @param namedWords words of turns whose speaker is a person
   * @param keptForumYears forum-years whose utterances and coverage an incremental run took over from the run before
   *     ({@link KeptPartitions}); 0 in other runs
   */
  public record Summary(String registry, long registryPersons, long persons, long fromRegistry, long words,
      long namedWords, long selfIntroducedTurns, long reusedTranscripts, int keptForumYears) {}

  /** The registry of a corpus ({@code <corpus>/registry/people.csv}); an empty one when the corpus has none. */
  public static Registry registry(String corpus, Configuration conf) {
    Path path = new Path(corpus, Registry.PATH);
    if (!StageInputs.exists(path, conf)) {
      return Registry.empty();
    }
    return Registry.of(CsvTable.hadoop(path.toString(), conf, Registry.COLUMNS), UnRegions.shipped());
  }

  /**
   * Segments the transcripts of {@code documents}, resolves their speakers, writes utterances, speakers and coverage.
   *
   * @param outRoot the output root the datasets are written to
   * @param memo where an incremental run finds the turns of transcripts segmented before and keeps its own; null:
   *     segment every transcript
   */
  public static Summary run(SparkSession spark, Dataset<Row> documents, String corpus, String outRoot,
      DatasetWriter writer, Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Registry registry = registry(corpus, conf);
    ResolveStage.Lookups lookups = ResolveStage.Lookups.of(registry, StakeholderKeywords.shipped());
    Path registryPath = new Path(corpus, Registry.PATH);
    String registryName = registry.size() == 0 ? null : registryPath.toString();
    if (memo == null) {
      // The utterances come straight from stage segment: each transcript's turns together in one partition.
      ResolveStage.Resolution r = ResolveStage.resolve(spark, SegmentStage.utterances(documents), lookups, true);
      Dataset<Row> resolved = r.utterances().persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Map<String, Long> t = KeptPartitions.total(counts(resolved).values());
        writer.write(SegmentStage.UTTERANCES, resolved, t.getOrDefault(ROWS, 0L) == 0, "forum", "year");
        writer.write(ResolveStage.COVERAGE, r.coverage(), t.getOrDefault(ROWS, 0L) == 0, "forum", "year");
        Row s = writeSpeakers(r, writer);
        return new Summary(registryName, registry.size(), s.getLong(0), s.getLong(1), t.getOrDefault(WORDS, 0L),
            t.getOrDefault(NAMED_WORDS, 0L), t.getOrDefault(SELF_INTRODUCED, 0L), 0, 0);
      } finally {
        resolved.unpersist();
        r.unpersist();
      }
    }
    String config = TranscriptTurns.memoConfig();
    Broadcast<ResolveStage.Lookups> shared = ResolveStage.share(spark, lookups);
    TranscriptTurns.Turns turns = TranscriptTurns.of(documents, shared,
        memo.previous(TranscriptTurns.MEMO, config).orElse(null));
    ResolveStage.Resolution r = ResolveStage.resolveTurns(spark, turns.rows(), shared, List.of(turns.computed()));
    // A forum-year's utterances are its rows without their texts, which follow from the transcripts' texts and the
    // turns' offsets: where both are as the run before saw them, its utterances and coverage files are taken over,
    // not written again. The turns' memo is written from every turn whatever is kept.
    Dataset<Row> plain = r.utterances().drop("text").persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<KeptPartitions.Key, String> fingerprints = KeptPartitions.combine(KeptPartitions.fingerprints(plain),
          KeptPartitions.fingerprints(r.turns().select(col("forum"), col("year"), col("doc_id"), col("turn_index"),
              col(TranscriptTurns.TEXT_KEY))));
      KeptPartitions keeper = KeptPartitions.of(spark, memo, STAGE, config, outRoot);
      Map<KeptPartitions.Key, KeptPartitions.Entry> kept = keeper.keep(fingerprints);
      Map<KeptPartitions.Key, Map<String, Long>> counts = counts(plain);
      Map<String, Long> t = KeptPartitions.total(counts.values());
      counts.keySet().removeAll(kept.keySet());
      boolean nothingComputed = KeptPartitions.total(counts.values()).getOrDefault(ROWS, 0L) == 0;
      // Computed once (and their texts read once) for both datasets.
      Dataset<Row> computed = r.utterances().filter(KeptPartitions.outside(kept.keySet()))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Row s;
      try {
        writer.write(SegmentStage.UTTERANCES, computed, nothingComputed, keeper.source(SegmentStage.UTTERANCES),
            KeptPartitions.files(kept, SegmentStage.UTTERANCES), "forum", "year");
        writer.write(ResolveStage.COVERAGE, ResolveStage.coverage(computed), nothingComputed,
            keeper.source(ResolveStage.COVERAGE), KeptPartitions.files(kept, ResolveStage.COVERAGE), "forum",
            "year");
        s = writeSpeakers(r, writer);
      } finally {
        computed.unpersist();
      }
      long reused = r.turns().filter(not(col(Memo.ADDED))).select("doc_id").distinct().count();
      memo.write(TranscriptTurns.MEMO, config, TranscriptTurns.memoEntries(r.turns(), config));
      keeper.record(fingerprints, kept, counts, List.of(SegmentStage.UTTERANCES, ResolveStage.COVERAGE));
      return new Summary(registryName, registry.size(), s.getLong(0), s.getLong(1), t.getOrDefault(WORDS, 0L),
          t.getOrDefault(NAMED_WORDS, 0L), t.getOrDefault(SELF_INTRODUCED, 0L), reused, kept.size());
    } finally {
      plain.unpersist();
      r.unpersist();
    }
  }

  /** The stage's folder among the kept partitions of an incremental run. */
  private static final String STAGE = "resolve";
  /** The names of the figures {@link #counts} gives per forum-year. */
  private static final String ROWS = "rows";
  private static final String WORDS = "words";
  private static final String NAMED_WORDS = "named_words";
  private static final String SELF_INTRODUCED = "self_introduced_turns";

  /** Per forum-year of the utterances, the figures the summary adds up: one row per forum-year reaches the driver. */
  private static Map<KeptPartitions.Key, Map<String, Long>> counts(Dataset<Row> utterances) {
    Map<KeptPartitions.Key, Map<String, Long>> counts = new HashMap<>();
    KeptPartitions.addCounts(counts, utterances.groupBy("forum", "year").agg(count(lit(1)),
        sum("words").cast(DataTypes.LongType), sum(when(col("person_id").isNotNull(), col("words")).otherwise(0))
            .cast(DataTypes.LongType), count(when(col("person_source").equalTo("self_introduction"), 1))),
        ROWS, WORDS, NAMED_WORDS, SELF_INTRODUCED);
    return counts;
  }

  /** Writes the speakers (every run in full: a person's row spans the corpus); their count and registry matches. */
  private static Row writeSpeakers(ResolveStage.Resolution r, DatasetWriter writer) {
    Dataset<Row> speakers = r.speakers().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row s = speakers.agg(count("*"), count(when(col("resolution_method").equalTo("registry"), 1))).first();
      writer.write(ResolveStage.SPEAKERS, speakers, s.getLong(0) == 0);
      return s;
    } finally {
      speakers.unpersist();
    }
  }
}
