package org.opennessobservatory.recommendations;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.StageInputs;

/** Stage track's I/O: documents, the registry and the corpus's overrides in; evidence and statuses written. */
public final class TrackJob {
  private TrackJob() {}

  /**
   * @param registry the registry's source and version; overrides the overrides file read, or null
   * @param statusCounts rows per status, in {@link StatusRules#STATUSES} order
   */
  public record Summary(String registry, String registryVersion, int recommendations, String overrides,
      int overridden, long evidence, long statusRows, List<Long> statusCounts, String rulesVersion) {}

  /** The overrides of a corpus ({@code <corpus>/registry/recommendation-overrides.csv}); none when absent. */
  public static Overrides overrides(String corpus, Configuration conf, RecommendationRegistry registry) {
    if (corpus == null) {
      return Overrides.none();
    }
    Path path = new Path(corpus, Overrides.PATH);
    if (!StageInputs.exists(path, conf)) {
      return Overrides.none();
    }
    return Overrides.of(CsvTable.hadoop(path.toString(), conf, Overrides.COLUMNS), registry);
  }

  /**
   * @param documents the documents dataset (read from {@code <out>/documents} by the caller)
   * @param corpus the corpus root, for its overrides file; null for none
   * @param registryPath an evaluator's registry ({@code --recommendations}), or null for the shipped one
   */
  public static Summary run(SparkSession spark, Dataset<Row> documents, String corpus, String registryPath,
      DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    RecommendationRegistry registry = RecommendationRegistry.load(registryPath, conf);
    Overrides overrides = overrides(corpus, conf, registry);
    CueLexicon cues = CueLexicon.shipped();
    TrackStage.Settings settings = TrackStage.Settings.defaults();
    Dataset<Row> evidence = TrackStage.evidence(spark, documents, registry, cues, settings)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = evidence.count();
      Dataset<Row> status = TrackStage.status(spark, evidence, TrackStage.years(documents, settings), registry,
          cues, overrides).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long rows = status.count();
        List<Long> counts = StatusRules.STATUSES.stream()
            .map(s -> status.filter(col("status").equalTo(s)).count()).toList();
        writer.write(TrackStage.EVIDENCE, evidence, n == 0, "forum", "year");
        writer.write(TrackStage.STATUS, status, rows == 0, "year");
        return new Summary(registry.source(), registry.version(), registry.recommendations().size(),
            overrides.source(), overrides.byKey().size(), n, rows, counts,
            StatusRules.VERSION + "/" + cues.version());
      } finally {
        status.unpersist();
      }
    } finally {
      evidence.unpersist();
    }
  }
}
