package org.opennessobservatory.transcripts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage segment's input side: documents from the output root in, utterances out — persisted, not written, because
 * stage resolve completes every row (person columns) before the utterances dataset is written once.
 */
public final class SegmentJob {
  private SegmentJob() {}

  /**
   * @param transcripts transcripts segmented
   * @param turns utterances
   * @param namedWords words in turns whose label names a person
   */
  public record Summary(long transcripts, long turns, long words, long namedWords) {}

  /** The utterances (persisted; the caller unpersists them) and their counts. */
  public record Segmented(Dataset<Row> utterances, Summary summary) {}

  public static Segmented run(SparkSession spark, String outRoot) {
    Dataset<Row> documents = spark.read().parquet(new Path(outRoot, "documents").toString());
    Dataset<Row> utterances = SegmentStage.utterances(documents).persist(StorageLevel.MEMORY_AND_DISK());
    Row c = utterances.agg(countDistinct("doc_id"), count("*"), sum("words"),
        sum(when(col("speaker_name").isNotNull(), col("words")).otherwise(0))).first();
    return new Segmented(utterances, new Summary(c.getLong(0), c.getLong(1), c.isNullAt(2) ? 0 : c.getLong(2),
        c.isNullAt(3) ? 0 : c.getLong(3)));
  }
}
