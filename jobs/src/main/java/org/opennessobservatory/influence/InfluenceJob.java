package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.KeptPartitions;
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
   * @param reusedProcesses processes an incremental run did not align, their documents being unchanged: their
   *     alignments came from its store, or their forum-years' files from the run before
   * @param keptForumYears forum-years whose passages, shares and clusters an incremental run took over from the run
   *     before ({@link KeptPartitions}); 0 in other runs
   */
  public record Summary(long pairsExamined, long passages, long boilerplatePassages, long byGroupRows,
      long clusters, long millis, InfluenceStage.Config config, long reusedProcesses, int keptForumYears) {}

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
      return write(InfluenceStage.run(documents, config), config, writer, t0);
    }
    return incremental(spark, outRoot, documents, config, writer, memo, t0);
  }

  /** Runs the stage over a documents Dataset and writes its three datasets (used by the tests and the benchmark). */
  public static Summary run(Dataset<Row> documents, InfluenceStage.Config config, DatasetWriter writer, long t0) {
    return write(InfluenceStage.run(documents, config), config, writer, t0);
  }

  /** Writes the three datasets. */
  private static Summary write(InfluenceStage.Result r, InfluenceStage.Config config, DatasetWriter writer,
      long t0) {
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
          config, 0, 0);
    } finally {
      passages.unpersist();
      r.release();
    }
  }

  /** The stage's folder among the kept partitions of an incremental run. */
  static final String STAGE = "influence";
  private static final List<String> DATASETS =
      List.of(InfluenceStage.PASSAGES, InfluenceStage.BY_GROUP, InfluenceStage.CLUSTERS);
  private static final String PASSAGES = "passages";
  private static final String BOILERPLATE = "boilerplate";
  private static final String BY_GROUP = "by_group";
  private static final String CLUSTERS = "clusters";
  private static final String PAIRS = "pairs";
  private static final String PROCESSES = "processes";

  /**
   * An incremental run. The per-process work of each process whose documents an earlier run saw unchanged comes from
   * the memo ({@link ProcessAlignments}). Every output row belongs to one process and lies in the forum-year of one
   * of its documents, so a forum-year's rows come from the processes with a document there: where those processes'
   * documents are all as the run before read them, the forum-year's files are taken over ({@link KeptPartitions}),
   * and only the processes with a document in another forum-year are run. Not when this run stores the memo in
   * full, which needs every process's entry. A process's candidate pairs, and the process itself, are counted in
   * the least forum-year of its documents (its home; by forum, then year).
   */
  private static Summary incremental(SparkSession spark, String outRoot, Dataset<Row> documents,
      InfluenceStage.Config config, DatasetWriter writer, Memo memo, long t0) {
    String memoConfig = ProcessAlignments.memoConfig(config);
    Dataset<Row> stored = memo.previous(ProcessAlignments.MEMO, memoConfig).orElse(null);
    // The whole config: the clusters depend on more than the alignment parameters.
    KeptPartitions keeper = KeptPartitions.of(spark, memo, STAGE, config.toString(), outRoot);
    Dataset<Row> inputs = InfluenceStage.inputs(documents).persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> persisted = new ArrayList<>(List.of(inputs));
    InfluenceStage.Result r = null;
    try {
      Dataset<Row> touched = inputs.select("process_id", "forum", "year").distinct();
      // A forum-year's fingerprint covers the processes with a document there, each by the fingerprint of its
      // documents that its memo entry is kept under (every input row: texts hashed once).
      Map<KeptPartitions.Key, String> fingerprints = KeptPartitions.fingerprints(
          touched.join(ProcessAlignments.fingerprints(inputs), "process_id"));
      Map<KeptPartitions.Key, KeptPartitions.Entry> kept = memo.writesFull(ProcessAlignments.MEMO) ? Map.of()
          : keeper.keep(fingerprints);
      Column fresh = KeptPartitions.outside(kept.keySet());
      r = InfluenceStage.run(kept.isEmpty() ? inputs
          : inputs.join(touched.filter(fresh).select("process_id").distinct(), "process_id", "left_semi"),
          config, stored, memoConfig);
      Dataset<Row> passages = r.passages().filter(fresh).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> byGroup = r.byGroup().filter(fresh).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> clusters = r.clusters().filter(fresh).persist(StorageLevel.MEMORY_AND_DISK());
      persisted.addAll(List.of(passages, byGroup, clusters));
      Dataset<Row> homes = inputs.groupBy("process_id").agg(min(struct(col("forum"), col("year"))).as("home"))
          .select(col("process_id"), col("home.forum").as("forum"), col("home.year").as("year"));
      Map<KeptPartitions.Key, Map<String, Long>> counts = new HashMap<>();
      KeptPartitions.addCounts(counts, passages.groupBy("forum", "year")
          .agg(count(lit(1)), count(when(col("boilerplate"), 1))), PASSAGES, BOILERPLATE);
      KeptPartitions.addCounts(counts, byGroup.groupBy("forum", "year").agg(count(lit(1))), BY_GROUP);
      KeptPartitions.addCounts(counts, clusters.groupBy("forum", "year").agg(count(lit(1))), CLUSTERS);
      KeptPartitions.addCounts(counts, r.pairs().join(homes, "process_id").filter(fresh).groupBy("forum", "year")
          .agg(count(lit(1))), PAIRS);
      KeptPartitions.addCounts(counts, homes.filter(fresh).groupBy("forum", "year").agg(count(lit(1))),
          PROCESSES);
      Map<String, Long> computed = KeptPartitions.total(counts.values());
      writer.write(InfluenceStage.PASSAGES, passages, computed.getOrDefault(PASSAGES, 0L) == 0,
          keeper.source(InfluenceStage.PASSAGES), KeptPartitions.files(kept, InfluenceStage.PASSAGES), "forum",
          "year");
      writer.write(InfluenceStage.BY_GROUP, byGroup, computed.getOrDefault(BY_GROUP, 0L) == 0,
          keeper.source(InfluenceStage.BY_GROUP), KeptPartitions.files(kept, InfluenceStage.BY_GROUP), "forum",
          "year");
      writer.write(InfluenceStage.CLUSTERS, clusters, computed.getOrDefault(CLUSTERS, 0L) == 0,
          keeper.source(InfluenceStage.CLUSTERS), KeptPartitions.files(kept, InfluenceStage.CLUSTERS), "forum",
          "year");
      long aligned = r.memoEntries().filter(col(Memo.ADDED)).count();
      memo.write(ProcessAlignments.MEMO, memoConfig, r.memoEntries());
      keeper.record(fingerprints, kept, counts, DATASETS);
      Map<String, Long> t = KeptPartitions.total(counts, kept);
      return new Summary(t.getOrDefault(PAIRS, 0L), t.getOrDefault(PASSAGES, 0L), t.getOrDefault(BOILERPLATE, 0L),
          t.getOrDefault(BY_GROUP, 0L), t.getOrDefault(CLUSTERS, 0L), (System.nanoTime() - t0) / 1_000_000, config,
          t.getOrDefault(PROCESSES, 0L) - aligned, kept.size());
    } finally {
      persisted.forEach(Dataset::unpersist);
      if (r != null) {
        r.release();
      }
    }
  }
}
