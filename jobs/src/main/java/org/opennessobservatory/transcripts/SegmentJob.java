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
import org.opennessobservatory.io.DatasetWriter;

/** Stage segment's I/O: documents from the output root in, utterances out. */
public final class SegmentJob {
  private SegmentJob() {}

  /**
   * @param transcripts transcripts segmented
   * @param turns utterances written
   * @param namedWords words in turns whose label names a person
   */
  public record Summary(long transcripts, long turns, long words, long namedWords) {}

  public static Summary run(SparkSession spark, String outRoot, DatasetWriter writer) {
    Dataset<Row> documents = spark.read().parquet(new Path(outRoot, "documents").toString());
    Dataset<Row> utterances = SegmentStage.utterances(documents).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row c = utterances.agg(countDistinct("doc_id"), count("*"), sum("words"),
          sum(when(col("speaker_name").isNotNull(), col("words")).otherwise(0))).first();
      long turns = c.getLong(1);
      writer.write(SegmentStage.UTTERANCES, utterances, turns == 0, "forum", "year");
      return new Summary(c.getLong(0), turns, c.isNullAt(2) ? 0 : c.getLong(2), c.isNullAt(3) ? 0 : c.getLong(3));
    } finally {
      utterances.unpersist();
    }
  }
}
