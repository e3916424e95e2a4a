package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.StageInputs;

/** Stage links' I/O: documents, utterances, speakers and issue_mentions read from the output root; forum_links written. */
public final class LinksJob {
  private LinksJob() {}

  /**
   * @param rows forum_links rows written
   * @param persons rows of link_type person
   * @param issues rows of link_type issue_first
   * @param reusedPassages rows of link_type reuse
   */
  public record Summary(long rows, long persons, long issues, long reusedPassages, LinksStage.Config config) {}

  public static Summary run(SparkSession spark, String outRoot, DatasetWriter writer) {
    return run(spark, outRoot, LinksStage.Config.defaults(), writer);
  }

  public static Summary run(SparkSession spark, String outRoot, LinksStage.Config config, DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String before = "the stages before links (ingest, segment, resolve, issues)";
    Dataset<Row> links = LinksStage.links(StageInputs.read(spark, outRoot, "documents", before),
        StageInputs.read(spark, outRoot, "utterances", before), StageInputs.read(spark, outRoot, "speakers", before),
        // issue_mentions is read with the schema its files carry (its schema file belongs to stage issues).
        StageInputs.readAsWritten(spark, StageInputs.path(outRoot, IssuesStage.MENTIONS, before, conf)), config)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row c = links.agg(count("*"), count(when(col("link_type").equalTo("person"), 1)),
          count(when(col("link_type").equalTo("issue_first"), 1)),
          count(when(col("link_type").equalTo("reuse"), 1))).first();
      writer.write(LinksStage.FORUM_LINKS, links, c.getLong(0) == 0, "forum", "year");
      return new Summary(c.getLong(0), c.getLong(1), c.getLong(2), c.getLong(3), config);
    } finally {
      links.unpersist();
    }
  }

}
