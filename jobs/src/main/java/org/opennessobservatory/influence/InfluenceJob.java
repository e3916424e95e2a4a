package org.opennessobservatory.influence;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.StageInputs;

/** Stage influence's I/O: documents read from the output root; influence_passages, influence_by_group, reuse_clusters written. */
public final class InfluenceJob {
  private InfluenceJob() {}

  /**
   * @param pairsExamined candidate pairs (contribution → outcome and contribution → contribution) sharing at least
   *     minSeeds rare n-grams; counted before the date rule, which then leaves out contributions published after
   *     their outcome
   * @param passages influence_passages rows
   * @param boilerplatePassages of those, flagged boilerplate
   * @param byGroupRows influence_by_group rows
   * @param clusters reuse_clusters rows
   * @param millis wall time of the stage and its writes
   */
  public record Summary(long pairsExamined, long passages, long boilerplatePassages, long byGroupRows,
      long clusters, long millis, InfluenceStage.Config config) {}

  public static Summary run(SparkSession spark, String outRoot, DatasetWriter writer) {
    return run(spark, outRoot, InfluenceStage.Config.defaults(), writer);
  }

  public static Summary run(SparkSession spark, String outRoot, InfluenceStage.Config config, DatasetWriter writer) {
    long t0 = System.nanoTime();
    Dataset<Row> documents = StageInputs.read(spark, outRoot, "documents", "stage ingest");
    return run(documents, config, writer, t0);
  }

  /** Runs the stage over a documents Dataset and writes its three datasets (used by the tests and the benchmark). */
  public static Summary run(Dataset<Row> documents, InfluenceStage.Config config, DatasetWriter writer, long t0) {
    InfluenceStage.Result r = InfluenceStage.run(documents, config);
    Dataset<Row> passages = r.passages().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long nPassages = passages.count();
      long boilerplate = passages.filter("boilerplate").count();
      long nPairs = r.pairs().count();
      writer.write(InfluenceStage.PASSAGES, passages, nPassages == 0, "forum", "year");
      Dataset<Row> byGroup = r.byGroup().persist(StorageLevel.MEMORY_AND_DISK());
      long nByGroup = byGroup.count();
      writer.write(InfluenceStage.BY_GROUP, byGroup, nByGroup == 0, "forum", "year");
      byGroup.unpersist();
      Dataset<Row> clusters = r.clusters().persist(StorageLevel.MEMORY_AND_DISK());
      long nClusters = clusters.count();
      writer.write(InfluenceStage.CLUSTERS, clusters, nClusters == 0, "forum", "year");
      clusters.unpersist();
      return new Summary(nPairs, nPassages, boilerplate, nByGroup, nClusters, (System.nanoTime() - t0) / 1_000_000,
          config);
    } finally {
      passages.unpersist();
      r.release();
    }
  }
}
