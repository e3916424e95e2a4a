package org.opennessobservatory.transcripts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Stage segment's summary. Its I/O is stage resolve's ({@code ResolveJob}): resolve completes every row (person
 * columns) and writes the utterances dataset once, segmenting as it reads.
 */
public final class SegmentJob {
  private SegmentJob() {}

  /**
   * @param transcripts transcripts segmented
   * @param turns utterances
   * @param namedWords words in turns whose label names a person
   */
  public record Summary(long transcripts, long turns, long words, long namedWords) {}

  /** Counts of the utterances dataset once written (a read of three columns, not of the text). */
  public static Summary summary(SparkSession spark, String outRoot) {
    Row c = spark.read().parquet(new Path(outRoot, SegmentStage.UTTERANCES).toString())
        .agg(countDistinct("doc_id"), count("*"), sum("words"),
            sum(when(col("speaker_name").isNotNull(), col("words")).otherwise(0))).first();
    return new Summary(c.getLong(0), c.getLong(1), c.isNullAt(2) ? 0 : c.getLong(2), c.isNullAt(3) ? 0 : c.getLong(3));
  }
}
