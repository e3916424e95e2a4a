package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.Memo;

/** Stage issues' I/O: documents and utterances in; issue_mentions and stakeholder_issue_map written. */
public final class IssuesJob {
  private IssuesJob() {}

  public static final String DOCUMENTS = "documents";
  public static final String UTTERANCES = "utterances";
  public static final String DEFAULT_TAXONOMY = "default (" + Taxonomy.SHIPPED + ")";

  /**
   * @param taxonomy the file read, or {@link #DEFAULT_TAXONOMY}
   * @param sentences sentences of all texts matched (utterances and documents)
   * @param lemmatizedSentences of those, the ones POS-tagged and lemmatized (their matches could depend on lemmas)
   */
  public record Summary(String taxonomy, String taxonomyVersion, int issues, long utteranceRows, long documentRows,
      long mapRows, long sentences, long lemmatizedSentences) {

    /** Share of sentences that had to be lemmatized (0 when there were none). */
    public double lemmatizedShare() {
      return sentences == 0 ? 0 : (double) lemmatizedSentences / sentences;
    }
  }

  /** The memo of an incremental run: the issue matches of a document and of each of its turns, by its text's hash. */
  public static final String MATCHES = "issue_matches";

  public static Summary run(SparkSession spark, String outRoot, String taxonomyPath, DatasetWriter writer) {
    return run(spark, outRoot, taxonomyPath, writer, null);
  }

  /**
   * Reads {@code <outRoot>/documents} and {@code <outRoot>/utterances}, finds the issues, writes both datasets.
   *
   * @param taxonomyPath a taxonomy file (local, hdfs://, s3a://), or null for the shipped one
   * @param memo where an incremental run finds the matches of texts matched before and keeps its own; null: match
   *     every text
   * @throws UserException when the taxonomy is faulty (one line: file, line, issue, fault) or an input is missing
   */
  public static Summary run(SparkSession spark, String outRoot, String taxonomyPath, DatasetWriter writer,
      Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Taxonomy taxonomy = Taxonomy.load(taxonomyPath, conf);
    IssueMatcher matcher = IssueMatcher.of(taxonomy);
    Dataset<Row> documents = spark.read().parquet(StageInputs.path(outRoot, DOCUMENTS, "stage ingest", conf));
    Dataset<Row> utterances = spark.read()
        .parquet(StageInputs.path(outRoot, UTTERANCES, "stages segment and resolve", conf));
    String config = memo == null ? null : memoConfig(taxonomy);
    Dataset<Row> matched = (memo == null ? IssuesStage.matched(spark, utterances, documents, matcher)
        : IssuesStage.matched(spark, utterances, documents, matcher, memo.previous(MATCHES, config).orElse(null)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long[] sentences = IssuesStage.sentenceCounts(matched);
      Dataset<Row> mentions = IssuesStage.mentions(matched, documents, matcher)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Row m = mentions.agg(count(when(col("level").equalTo("utterance"), 1)),
            count(when(col("level").equalTo("document"), 1))).first();
        Dataset<Row> map = IssuesStage.map(mentions).persist(StorageLevel.MEMORY_AND_DISK());
        try {
          long mapRows = map.count();
          writer.write(IssuesStage.MENTIONS, mentions, m.getLong(0) + m.getLong(1) == 0, "forum", "year");
          writer.write(IssuesStage.MAP, map, mapRows == 0, "forum", "year");
          if (memo != null) {
            memo.write(MATCHES, config, IssuesStage.memoEntries(matched, config));
          }
          return new Summary(taxonomyPath == null ? DEFAULT_TAXONOMY : taxonomyPath, taxonomy.version(),
              taxonomy.issues().size(), m.getLong(0), m.getLong(1), mapRows, sentences[0], sentences[1]);
        } finally {
          map.unpersist();
        }
      } finally {
        mentions.unpersist();
      }
    } finally {
      matched.unpersist();
    }
  }

  /**
   * What a text's matches depend on besides the text and the build ({@link Memo}): the models, the taxonomy's whole
   * content (terms, phrases, shared terms, phrases to ignore; not only its version label: a user may edit a file and
   * forget to bump it), the prefilter.
   */
  static String memoConfig(Taxonomy taxonomy) {
    java.util.Properties v = org.opennessobservatory.cli.Observatory.versions();
    String terms = taxonomy.version() + "\n" + taxonomy.ignore() + "\n" + taxonomy.issues();
    try {
      return "opennlp models " + v.getProperty("opennlp.models.version")
          + ", prefix " + IssueMatcher.PREFIX + ", taxonomy sha256 " + java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(terms.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
