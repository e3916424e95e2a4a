package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.io.DatasetWriter;
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
   */
  public record Summary(String registry, long registryPersons, long persons, long fromRegistry, long words,
      long namedWords, long selfIntroducedTurns, long reusedTranscripts) {}

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
   * @param memo where an incremental run finds the turns of transcripts segmented before and keeps its own; null:
   *     segment every transcript
   */
  public static Summary run(SparkSession spark, Dataset<Row> documents, String corpus, DatasetWriter writer,
      Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Registry registry = registry(corpus, conf);
    ResolveStage.Lookups lookups = ResolveStage.Lookups.of(registry, StakeholderKeywords.shipped());
    String config = memo == null ? null : TranscriptTurns.memoConfig();
    ResolveStage.Resolution r;
    if (memo == null) {
      // The utterances come straight from stage segment: each transcript's turns together in one partition.
      r = ResolveStage.resolve(spark, SegmentStage.utterances(documents), lookups, true);
    } else {
      Broadcast<ResolveStage.Lookups> shared = ResolveStage.share(spark, lookups);
      r = ResolveStage.resolveTurns(spark, TranscriptTurns.of(documents, shared,
          memo.previous(TranscriptTurns.MEMO, config).orElse(null)), shared);
    }
    Dataset<Row> resolved = r.utterances().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> speakers = r.speakers().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row u = resolved.agg(count("*"), sum("words"), sum(when(col("person_id").isNotNull(), col("words"))
          .otherwise(0)), count(when(col("person_source").equalTo("self_introduction"), 1))).first();
      Row s = speakers.agg(count("*"), count(when(col("resolution_method").equalTo("registry"), 1))).first();
      writer.write(SegmentStage.UTTERANCES, resolved, u.getLong(0) == 0, "forum", "year");
      writer.write(ResolveStage.SPEAKERS, speakers, s.getLong(0) == 0);
      writer.write(ResolveStage.COVERAGE, r.coverage(), u.getLong(0) == 0, "forum", "year");
      long reused = 0;
      if (memo != null) {
        reused = r.turns().filter(not(col(Memo.ADDED))).select("doc_id").distinct().count();
        memo.write(TranscriptTurns.MEMO, config, TranscriptTurns.memoEntries(r.turns(), config));
      }
      Path registryPath = new Path(corpus, Registry.PATH);
      return new Summary(registry.size() == 0 ? null : registryPath.toString(), registry.size(), s.getLong(0),
          s.getLong(1), u.isNullAt(1) ? 0 : u.getLong(1), u.isNullAt(2) ? 0 : u.getLong(2), u.getLong(3), reused);
    } finally {
      resolved.unpersist();
      speakers.unpersist();
      r.unpersist();
    }
  }
}
