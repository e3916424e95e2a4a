package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;

/** Stage issues' I/O: documents and utterances in; issue_mentions and stakeholder_issue_map written. */
public final class IssuesJob {
  private IssuesJob() {}

  public static final String DOCUMENTS = "documents";
  public static final String UTTERANCES = "utterances";
  public static final String DEFAULT_TAXONOMY = "default (" + Taxonomy.SHIPPED + ")";

  /**
   * @param taxonomy the file read, or {@link #DEFAULT_TAXONOMY}
   * @param sentences sentences of all texts matched (utterances and documents)
   * @param lemmatizedSentences of those, the ones the prefilter let through to POS tagging and lemmatizing
   */
  public record Summary(String taxonomy, String taxonomyVersion, int issues, long utteranceRows, long documentRows,
      long mapRows, long sentences, long lemmatizedSentences) {

    /** Share of sentences that had to be lemmatized (0 when there were none). */
    public double lemmatizedShare() {
      return sentences == 0 ? 0 : (double) lemmatizedSentences / sentences;
    }
  }

  /**
   * Reads {@code <outRoot>/documents} and {@code <outRoot>/utterances}, finds the issues, writes both datasets.
   *
   * @param taxonomyPath a taxonomy file (local, hdfs://, s3a://), or null for the shipped one
   * @throws UserException when the taxonomy is faulty (one line: file, line, issue, fault) or an input is missing
   */
  public static Summary run(SparkSession spark, String outRoot, String taxonomyPath, DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Taxonomy taxonomy = Taxonomy.load(taxonomyPath, conf);
    IssueMatcher matcher = IssueMatcher.of(taxonomy);
    Dataset<Row> documents = spark.read().parquet(input(outRoot, DOCUMENTS, "ingest", conf));
    Dataset<Row> utterances = spark.read().parquet(input(outRoot, UTTERANCES, "segment/resolve", conf));
    IssuesStage.Counters counters = IssuesStage.Counters.of(spark);
    Dataset<Row> mentions = IssuesStage.mentions(spark, utterances, documents, matcher, counters)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row m = mentions.agg(count(when(col("level").equalTo("utterance"), 1)),
          count(when(col("level").equalTo("document"), 1))).first();
      Dataset<Row> map = IssuesStage.map(mentions).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        long mapRows = map.count();
        writer.write(IssuesStage.MENTIONS, mentions, m.getLong(0) + m.getLong(1) == 0, "forum", "year");
        writer.write(IssuesStage.MAP, map, mapRows == 0, "forum", "year");
        return new Summary(taxonomyPath == null ? DEFAULT_TAXONOMY : taxonomyPath, taxonomy.version(),
            taxonomy.issues().size(), m.getLong(0), m.getLong(1), mapRows, counters.sentences().value(),
            counters.lemmatized().value());
      } finally {
        map.unpersist();
      }
    } finally {
      mentions.unpersist();
    }
  }

  private static String input(String outRoot, String dataset, String stage, Configuration conf) {
    Path path = new Path(outRoot, dataset);
    try {
      if (!path.getFileSystem(conf).exists(path)) {
        throw new UserException(path + ": no " + dataset + " dataset; run stage " + stage + " first");
      }
    } catch (IOException e) {
      throw new UserException(path + ": cannot be read (" + e.getMessage() + ")");
    }
    return path.toString();
  }
}
