package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.Memo;

/**
 * Stage influence's per-process work kept between incremental runs. Each process is indexed and aligned from its own
 * documents alone ({@link InfluenceStage#align}), so its candidate pairs and aligned passages are a pure function of
 * them: they are kept in the store under a fingerprint of everything the stage reads of the process's documents
 * (ids, types, forum, year, dates, stakeholder group, contributor and the SHA-256 of the text). A new year's files
 * are new processes, or change the fingerprint of the process they join, which is then aligned again whole.
 *
 * <p>A memo entry is one process: its fingerprint, its aligned passages and its candidate pairs (as arrays).
 * Passages, influence by group and reuse clusters are then rebuilt from the processes run, as in a full run
 * (InfluenceJob runs only those with a document in a forum-year whose files it does not take over).
 */
final class ProcessAlignments {
  private ProcessAlignments() {}

  static final String MEMO = "process_alignments";
  private static final String FINGERPRINT = "process_key";
  private static final String ALIGNED = "aligned";
  private static final String PAIRS = "pairs";
  private static final String SEEN = "seen";

  /** What the entries depend on besides the documents and the build ({@link Memo}): the alignment parameters. */
  static String memoConfig(InfluenceStage.Config config) {
    return config.alignment().toString();
  }

  /**
   * The candidate pairs and aligned passages of every process, the entries of this run for the memo, and what was
   * persisted to make them (the caller unpersists it).
   */
  record Processes(Dataset<Row> pairs, Dataset<Row> all, Dataset<Row> entries, List<Dataset<Row>> persisted) {}

  /** One row per process: its id and the fingerprint of its documents as the stage reads them. */
  static Dataset<Row> fingerprints(Dataset<Row> docs) {
    // JSON names every field it writes (a null one it leaves out), so a null in one place never reads like another.
    Column line = to_json(struct(col("doc_id"), col("doc_type"), col("forum"), col("year"), col("day"),
        col("stakeholder_group"), col("contributor"), sha2(col("text"), 256).as("text_sha256")));
    return docs.groupBy("process_id").agg(sort_array(collect_list(line)).as("lines"))
        .select(col("process_id"), sha2(concat_ws("\n", col("process_id"), concat_ws("\n", col("lines"))), 256)
            .as(FINGERPRINT));
  }

  /**
   * @param docs the stage's inputs ({@link InfluenceStage#inputs})
   * @param stored the memo's entries from earlier runs, or null
   */
  static Processes of(Dataset<Row> docs, InfluenceStage.Config config, Dataset<Row> stored, String memoConfig) {
    Dataset<Row> fingerprints = fingerprints(docs);
    // One row per process, small: broadcast, and persisted since three plans below read it.
    Dataset<Row> flagged = (stored == null ? fingerprints.withColumn(SEEN, lit(false))
        : fingerprints.join(broadcast(stored.select(col(Memo.KEY).as("s_key"))),
                col(FINGERPRINT).equalTo(col("s_key")), "left")
            .withColumn(SEEN, col("s_key").isNotNull()).drop("s_key"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> freshDocs = docs.join(broadcast(flagged.filter(not(col(SEEN))).select("process_id")),
        "process_id", "left_semi");
    InfluenceStage.Aligned a = InfluenceStage.align(freshDocs, config);
    Dataset<Row> freshAll = a.all().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> freshPairs = a.pairs();
    List<Dataset<Row>> persisted = List.of(flagged, a.candidates(), freshAll);

    Dataset<Row> allByProcess = freshAll.groupBy(col("process_id").as("a_process"))
        .agg(collect_list(struct(columns(freshAll))).as(ALIGNED));
    Dataset<Row> pairsByProcess = freshPairs.groupBy(col("process_id").as("p_process"))
        .agg(collect_list(struct(columns(freshPairs))).as(PAIRS));
    // Every fresh process gets an entry, also one without a candidate pair: it need not be indexed again either.
    Dataset<Row> freshEntries = flagged.filter(not(col(SEEN)))
        .join(allByProcess, col("process_id").equalTo(col("a_process")), "left")
        .join(pairsByProcess, col("process_id").equalTo(col("p_process")), "left")
        .select(col(FINGERPRINT).as(Memo.KEY), lit(memoConfig).as(Memo.CONFIG),
            coalesce(col(ALIGNED), empty(freshAll.schema())).as(ALIGNED),
            coalesce(col(PAIRS), empty(freshPairs.schema())).as(PAIRS), lit(true).as(Memo.ADDED));
    if (stored == null) {
      return new Processes(freshPairs, freshAll, freshEntries, persisted);
    }
    Dataset<Row> reused = stored.join(broadcast(flagged.filter(col(SEEN)).select(col(FINGERPRINT))),
        col(Memo.KEY).equalTo(col(FINGERPRINT))).drop(FINGERPRINT);
    Dataset<Row> all = freshAll.unionByName(reused.select(explode(col(ALIGNED)).as("x")).select("x.*"));
    Dataset<Row> pairs = freshPairs.unionByName(reused.select(explode(col(PAIRS)).as("x")).select("x.*"));
    Dataset<Row> entries = freshEntries.unionByName(reused.select(col(Memo.KEY), lit(memoConfig).as(Memo.CONFIG),
        col(ALIGNED), col(PAIRS), lit(false).as(Memo.ADDED)));
    return new Processes(pairs, all, entries, persisted);
  }

  private static Column[] columns(Dataset<Row> rows) {
    return Arrays.stream(rows.columns()).map(functions::col).toArray(Column[]::new);
  }

  /** An empty array of rows of this schema. */
  private static Column empty(StructType schema) {
    return functions.array().cast(DataTypes.createArrayType(schema));
  }
}
