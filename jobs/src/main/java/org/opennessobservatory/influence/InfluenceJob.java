package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.io.StageInputs;

/** Stage influence's I/O: documents read from the output root; influence_passages, influence_by_group, reuse_clusters written. */
public final class InfluenceJob {
  private InfluenceJob() {}

  /**
   * @param pairsExamined candidate pairs (contribution → outcome and contribution → contribution) sharing at least
   *     minSeeds rare n-grams; counted before the date rule, which then leaves out contributions published after
   *     their outcome (in an incremental run, the pairs of reused processes were examined by the run that stored
   *     them)
   * @param passages influence_passages rows
   * @param boilerplatePassages of those, flagged boilerplate
   * @param byGroupRows influence_by_group rows
   * @param clusters reuse_clusters rows
   * @param millis wall time of the stage and its writes
   * @param reusedProcesses processes whose alignments an incremental run took from its store
   */
  public record Summary(long pairsExamined, long passages, long boilerplatePassages, long byGroupRows,
      long clusters, long millis, InfluenceStage.Config config, long reusedProcesses) {}

  public static Summary run(SparkSession spark, String outRoot, DatasetWriter writer) {
    return run(spark, outRoot, InfluenceStage.Config.defaults(), writer);
  }

  public static Summary run(SparkSession spark, String outRoot, InfluenceStage.Config config, DatasetWriter writer) {
    return run(spark, outRoot, config, writer, null);
  }

  /**
   * @param memo where an incremental run finds the alignments of processes whose documents are unchanged and keeps
   *     its own; null: align every process
   */
  public static Summary run(SparkSession spark, String outRoot, InfluenceStage.Config config, DatasetWriter writer,
      Memo memo) {
    long t0 = System.nanoTime();
    Dataset<Row> documents = StageInputs.read(spark, outRoot, "documents", "stage ingest");
    if (memo == null) {
      return write(InfluenceStage.run(documents, config), config, writer, null, t0);
    }
    String memoConfig = ProcessAlignments.memoConfig(config);
    InfluenceStage.Result r = InfluenceStage.run(documents, config,
        memo.previous(ProcessAlignments.MEMO, memoConfig).orElse(null), memoConfig);
    return write(r, config, writer, () -> memo.write(ProcessAlignments.MEMO, memoConfig, r.memoEntries()), t0);
  }

  /** Runs the stage over a documents Dataset and writes its three datasets (used by the tests and the benchmark). */
  public static Summary run(Dataset<Row> documents, InfluenceStage.Config config, DatasetWriter writer, long t0) {
    return write(InfluenceStage.run(documents, config), config, writer, null, t0);
  }

  /** Writes the three datasets, then, in an incremental run, the memo entries ({@code keep}). */
  private static Summary write(InfluenceStage.Result r, InfluenceStage.Config config, DatasetWriter writer,
      Runnable keep, long t0) {
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
      long reused = 0;
      if (keep != null) {
        reused = r.memoEntries().filter(not(col(Memo.ADDED))).count();
        keep.run();
      }
      return new Summary(nPairs, nPassages, boilerplate, nByGroup, nClusters, (System.nanoTime() - t0) / 1_000_000,
          config, reused);
    } finally {
      passages.unpersist();
      r.release();
    }
  }
}
