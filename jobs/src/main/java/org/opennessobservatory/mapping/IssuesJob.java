package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.KeptPartitions;
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
   * @param keptForumYears forum-years whose mentions and map an incremental run took over from the run before, their
   *     utterances and documents being unchanged ({@link KeptPartitions}); 0 in other runs
   * @param classifier what the classifier was trained on ({@link IssueClassifier#describe}), or null for none
   * @param classifierOnlyRows rows of issue_mentions (both levels) that the classifier alone found
   */
  public record Summary(String taxonomy, String taxonomyVersion, int issues, long utteranceRows, long documentRows,
      long mapRows, long sentences, long lemmatizedSentences, int keptForumYears, String classifier,
      long classifierOnlyRows) {

    /** Share of sentences that had to be lemmatized (0 when there were none). */
    public double lemmatizedShare() {
      return sentences == 0 ? 0 : (double) lemmatizedSentences / sentences;
    }
  }

  /** The memo of an incremental run: the issue matches of a document and of each of its turns, by its text's hash. */
  public static final String MATCHES = "issue_matches";

  /** {@link #run(SparkSession, String, String, IssueClassifier, DatasetWriter, Memo)} with the shipped examples. */
  public static Summary run(SparkSession spark, String outRoot, String taxonomyPath, DatasetWriter writer) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return run(spark, outRoot, taxonomyPath, IssueClassifier.load(null, conf, Taxonomy.load(taxonomyPath, conf)),
        writer, null);
  }

  /**
   * Reads {@code <outRoot>/documents} and {@code <outRoot>/utterances}, finds the issues, writes both datasets.
   *
   * @param taxonomyPath a taxonomy file (local, hdfs://, s3a://), or null for the shipped one
   * @param classifier trained on examples labelled with the taxonomy's issue ids ({@link IssueClassifier#load}: the
   *     command line trains it before any stage runs), or null for none
   * @param memo where an incremental run finds the matches of texts matched before and keeps its own; null: match
   *     every text
   * @throws UserException when the taxonomy is faulty (one line: file, line, issue, fault) or an input is missing
   */
  public static Summary run(SparkSession spark, String outRoot, String taxonomyPath, IssueClassifier classifier,
      DatasetWriter writer, Memo memo) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Taxonomy taxonomy = Taxonomy.load(taxonomyPath, conf);
    IssueMatcher matcher = IssueMatcher.of(taxonomy, classifier);
    Dataset<Row> documents = StageInputs.readAsWritten(spark,
        StageInputs.path(outRoot, DOCUMENTS, "stage ingest", conf));
    Dataset<Row> utterances = StageInputs.readAsWritten(spark,
        StageInputs.path(outRoot, UTTERANCES, "stages segment and resolve", conf));
    String config = memo == null ? null : memoConfig(taxonomy, classifier);
    Dataset<Row> stored = memo == null ? null : memo.previous(MATCHES, config).orElse(null);
    // A forum-year's mentions and map come from its own utterances and documents: where those are as the run before
    // saw them, its files are taken over. Not when this run stores the matches in full: that needs every text's.
    KeptPartitions keeper = memo == null ? null : KeptPartitions.of(spark, memo, STAGE, config, outRoot);
    // A turn's text follows from its transcript's, which the documents' rows hold: the turns' texts are not read.
    Map<KeptPartitions.Key, String> fingerprints = keeper == null ? Map.of() : KeptPartitions.fingerprints(
        IssuesStage.texts(utterances.withColumn("text", lit(null).cast("string")), documents));
    Map<KeptPartitions.Key, KeptPartitions.Entry> kept = keeper == null || memo.writesFull(MATCHES) ? Map.of()
        : keeper.keep(fingerprints);
    if (!kept.isEmpty()) {
      utterances = utterances.filter(KeptPartitions.outside(kept.keySet()));
      documents = documents.filter(KeptPartitions.outside(kept.keySet()));
    }
    Dataset<Row> matched = (memo == null ? IssuesStage.matched(spark, utterances, documents, matcher)
        : IssuesStage.matched(spark, utterances, documents, matcher, stored))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> mentions = IssuesStage.mentions(matched, documents, matcher)
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> map = IssuesStage.map(mentions).persist(StorageLevel.MEMORY_AND_DISK());
        try {
          Map<KeptPartitions.Key, Map<String, Long>> counts = partitionCounts(matched, mentions, map);
          Map<String, Long> computed = KeptPartitions.total(counts.values());
          writer.write(IssuesStage.MENTIONS, mentions,
              computed.getOrDefault(UTTERANCE_ROWS, 0L) + computed.getOrDefault(DOCUMENT_ROWS, 0L) == 0,
              keeper == null ? null : keeper.source(IssuesStage.MENTIONS),
              KeptPartitions.files(kept, IssuesStage.MENTIONS), "forum", "year");
          writer.write(IssuesStage.MAP, map, computed.getOrDefault(MAP_ROWS, 0L) == 0,
              keeper == null ? null : keeper.source(IssuesStage.MAP), KeptPartitions.files(kept, IssuesStage.MAP),
              "forum", "year");
          if (memo != null) {
            memo.write(MATCHES, config, IssuesStage.memoEntries(matched, config));
          }
          if (keeper != null) {
            keeper.record(fingerprints, kept, counts, List.of(IssuesStage.MENTIONS, IssuesStage.MAP));
          }
          Map<String, Long> t = KeptPartitions.total(counts, kept);
          return new Summary(taxonomyPath == null ? DEFAULT_TAXONOMY : taxonomyPath, taxonomy.version(),
              taxonomy.issues().size(), t.getOrDefault(UTTERANCE_ROWS, 0L), t.getOrDefault(DOCUMENT_ROWS, 0L),
              t.getOrDefault(MAP_ROWS, 0L), t.getOrDefault(SENTENCES, 0L), t.getOrDefault(LEMMATIZED, 0L),
              kept.size(), classifier == null ? null : classifier.describe(),
              t.getOrDefault(CLASSIFIER_ONLY_ROWS, 0L));
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

  /** The names of the figures {@link #partitionCounts} gives per forum-year. */
  private static final String UTTERANCE_ROWS = "utterance_rows";
  private static final String DOCUMENT_ROWS = "document_rows";
  private static final String MAP_ROWS = "map_rows";
  private static final String CLASSIFIER_ONLY_ROWS = "classifier_only_rows";
  private static final String SENTENCES = "sentences";
  private static final String LEMMATIZED = "lemmatized_sentences";

  /** The stage's folder among the kept partitions of an incremental run. */
  private static final String STAGE = "issues";

  /**
   * Per forum-year of the outputs computed here, the figures the summary adds up (and a kept forum-year's entry
   * keeps).
   */
  private static Map<KeptPartitions.Key, Map<String, Long>> partitionCounts(Dataset<Row> matched,
      Dataset<Row> mentions, Dataset<Row> map) {
    Map<KeptPartitions.Key, Map<String, Long>> counts = new HashMap<>();
    KeptPartitions.addCounts(counts, matched.groupBy("forum", "year")
        .agg(sum(TextMatches.SENTENCES), sum(TextMatches.LEMMATIZED)), SENTENCES, LEMMATIZED);
    KeptPartitions.addCounts(counts, mentions.groupBy("forum", "year").agg(
        count(when(col("level").equalTo("utterance"), 1)), count(when(col("level").equalTo("document"), 1)),
        count(when(col("method").equalTo(IssuesStage.BY_CLASSIFIER), 1))),
        UTTERANCE_ROWS, DOCUMENT_ROWS, CLASSIFIER_ONLY_ROWS);
    KeptPartitions.addCounts(counts, map.groupBy("forum", "year").agg(count(lit(1))), MAP_ROWS);
    return counts;
  }

  /**
   * What a text's matches depend on besides the text and the build ({@link Memo}): OpenNLP (whose training makes the
   * classifier) and its models, the taxonomy's whole
   * content (terms, phrases, shared terms, phrases to ignore; not only its version label: a user may edit a file and
   * forget to bump it), the prefilter, the classifier's examples and settings.
   *
   * @param classifier null for none
   */
  static String memoConfig(Taxonomy taxonomy, IssueClassifier classifier) {
    java.util.Properties v = org.opennessobservatory.cli.Observatory.versions();
    String terms = taxonomy.version() + "\n" + taxonomy.ignore() + "\n" + taxonomy.issues();
    try {
      return "opennlp " + v.getProperty("opennlp.version") + ", models " + v.getProperty("opennlp.models.version")
          + ", prefix " + IssueMatcher.PREFIX + ", taxonomy sha256 " + java.util.HexFormat.of().formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(terms.getBytes(StandardCharsets.UTF_8)))
          + ", classifier " + (classifier == null ? IssueClassifier.NONE : classifier.fingerprint());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
