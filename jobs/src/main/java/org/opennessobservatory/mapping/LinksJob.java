package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;

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
    Dataset<Row> links = LinksStage.links(input(spark, outRoot, "documents", true, conf),
        input(spark, outRoot, "utterances", true, conf), input(spark, outRoot, "speakers", true, conf),
        // issue_mentions is read with the schema its files carry (its schema file belongs to stage issues).
        input(spark, outRoot, IssuesStage.MENTIONS, false, conf), config).persist(StorageLevel.MEMORY_AND_DISK());
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

  private static Dataset<Row> input(SparkSession spark, String outRoot, String name, boolean withSchema,
      Configuration conf) {
    Path path = new Path(outRoot, name);
    try {
      if (!path.getFileSystem(conf).exists(path)) {
        throw new UserException(path + " does not exist: run the stages before links (ingest, segment, resolve, "
            + "issues) into the same --out");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return withSchema ? spark.read().schema(Schemas.load(name)).parquet(path.toString())
        : spark.read().parquet(path.toString());
  }
}
