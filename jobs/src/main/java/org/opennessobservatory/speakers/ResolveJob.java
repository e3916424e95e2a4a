package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.transcripts.SegmentStage;

/** Stage resolve's I/O: utterances and the corpus registry in; utterances, speakers and coverage written. */
public final class ResolveJob {
  private ResolveJob() {}

  /**
   * @param registryPersons persons in the registry read ({@code null} path when the corpus has none)
   * @param persons rows of speakers
   * @param fromRegistry persons matched to the registry
   * @param namedWords words of turns whose speaker is a person
   */
  public record Summary(String registry, long registryPersons, long persons, long fromRegistry, long words,
      long namedWords, long selfIntroducedTurns) {}

  /** The registry of a corpus ({@code <corpus>/registry/people.csv}); an empty one when the corpus has none. */
  public static Registry registry(String corpus, Configuration conf) {
    Path path = new Path(corpus, Registry.PATH);
    if (!StageInputs.exists(path, conf)) {
      return Registry.empty();
    }
    return Registry.of(CsvTable.hadoop(path.toString(), conf, Registry.COLUMNS), UnRegions.shipped());
  }

  public static Summary run(SparkSession spark, Dataset<Row> utterances, String corpus, DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Registry registry = registry(corpus, conf);
    // The utterances come straight from stage segment: each transcript's turns together in one partition.
    ResolveStage.Resolution r = ResolveStage.resolve(spark, utterances,
        ResolveStage.Lookups.of(registry, StakeholderKeywords.shipped()), true);
    Dataset<Row> resolved = r.utterances().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> speakers = r.speakers().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row u = resolved.agg(count("*"), sum("words"), sum(when(col("person_id").isNotNull(), col("words"))
          .otherwise(0)), count(when(col("person_source").equalTo("self_introduction"), 1))).first();
      Row s = speakers.agg(count("*"), count(when(col("resolution_method").equalTo("registry"), 1))).first();
      writer.write(SegmentStage.UTTERANCES, resolved, u.getLong(0) == 0, "forum", "year");
      writer.write(ResolveStage.SPEAKERS, speakers, s.getLong(0) == 0);
      writer.write(ResolveStage.COVERAGE, r.coverage(), u.getLong(0) == 0, "forum", "year");
      Path registryPath = new Path(corpus, Registry.PATH);
      return new Summary(registry.size() == 0 ? null : registryPath.toString(), registry.size(), s.getLong(0),
          s.getLong(1), u.isNullAt(1) ? 0 : u.getLong(1), u.isNullAt(2) ? 0 : u.getLong(2), u.getLong(3));
    } finally {
      resolved.unpersist();
      speakers.unpersist();
      r.unpersist();
    }
  }
}
