package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.schema.Schemas;

/**
 * Stage issues (DESIGN.md §3): which issue areas each utterance and each document speaks of, and who speaks on what.
 * {@link IssueMatcher#match} does the work per text; this class only wires it into Spark. The matcher (the taxonomy,
 * lemmatized) is broadcast; nothing corpus-sized reaches the driver.
 */
public final class IssuesStage {
  private IssuesStage() {}

  public static final String MENTIONS = "issue_mentions";
  public static final String MAP = "stakeholder_issue_map";
  /** issue_mentions.method: found by the taxonomy's terms, by the classifier, by both. */
  public static final String BY_TERMS = "lemma_match";
  public static final String BY_CLASSIFIER = "classifier";
  public static final String BY_BOTH = BY_TERMS + "+" + BY_CLASSIFIER;

  /**
   * The hash of the text of the document a row belongs to: an incremental run finds a document's stored matches, and
   * those of its turns, by it. A turn's text and index follow from its transcript's text alone ({@code Segmenter}
   * reads nothing else, and stage resolve adds columns to a turn, never changes its text), so the turns of a known
   * text need not be read, only their keys. Whether a document is segmented at all depends on its type (the
   * manifest's), hence the count of turns {@link #matched} checks.
   */
  static final String TEXT_KEY = "text_key";
  /** Which text of a document a memo entry holds: {@link #WHOLE} for the document, else the turn's index. */
  static final String PART = "part";
  static final int WHOLE = -1;
  /** Whether the store holds a document's own entry; whether it holds every entry the document needs. */
  private static final String STORED_WHOLE = "s_whole";
  private static final String SEEN = "seen";

  /**
   * Every text to match, one row each: the issue_mentions key (doc_id, turn_index, level, session_id, person_id,
   * stakeholder_group, doc_type, forum, year), words, {@link #PART} and the text. Utterances get their doc_type later,
   * from the (small) mentions rather than by joining the (large) texts.
   *
   * @param utterances rows with doc_id, turn_index, session_id, person_id, stakeholder_group, text, words, forum, year
   * @param documents rows with doc_id, doc_type, session_id, author_stakeholder_group, text, words, forum, year
   */
  static Dataset<Row> texts(Dataset<Row> utterances, Dataset<Row> documents) {
    Dataset<Row> u = utterances.select(col("doc_id"), col("turn_index"), lit("utterance").as("level"),
        col("session_id"), col("person_id"), col("stakeholder_group"), lit(null).cast("string").as("doc_type"),
        col("forum"), col("year"), col("words"), col("turn_index").as(PART), col("text"));
    Dataset<Row> d = documents.select(col("doc_id"), lit(null).cast("int").as("turn_index"),
        lit("document").as("level"), col("session_id"), lit(null).cast("string").as("person_id"),
        col("author_stakeholder_group").as("stakeholder_group"), col("doc_type"), col("forum"), col("year"),
        col("words"), lit(WHOLE).as(PART), col("text"));
    return u.unionByName(d);
  }

  /** Each text's matches ({@link TextMatches}) in place of its text: every text matched, none kept. */
  public static Dataset<Row> matched(SparkSession spark, Dataset<Row> utterances, Dataset<Row> documents,
      IssueMatcher matcher) {
    return computed(spark, texts(utterances, documents).withColumn(TEXT_KEY, lit(null).cast("string")), matcher);
  }

  /**
   * Each text's matches ({@link TextMatches}) in place of its text, its document's {@link #TEXT_KEY}, and whether
   * they were computed here ({@link Memo#ADDED}). A document whose text {@code stored} holds, with an entry for each
   * of the turns it has now, is not matched again, nor are its turns, whose texts are not even read: their stored
   * matches are the ones matching would give. The utterances are those of {@code documents}.
   *
   * @param stored the issue-match memo of an earlier run ({@code key} = a document's text hash, {@link #PART}, the
   *     {@link TextMatches} values), or null when there is none
   */
  public static Dataset<Row> matched(SparkSession spark, Dataset<Row> utterances, Dataset<Row> documents,
      IssueMatcher matcher, Dataset<Row> stored) {
    // Each entry once, whatever generations hold it: a document matched again in full may have stored some twice.
    Dataset<Row> unique = stored == null ? null : stored.dropDuplicates(Memo.KEY, PART);
    // Checkpointed, so that the documents' texts are hashed once.
    Dataset<Row> keys = documentKeys(utterances, documents, unique).localCheckpoint();
    Dataset<Row> fresh = keys.filter(not(col(SEEN)));
    Dataset<Row> texts = texts(utterances, documents);
    Dataset<Row> toMatch = texts.join(broadcast(fresh.select(col("k_doc"), col(TEXT_KEY), col(STORED_WHOLE))),
        col("doc_id").equalTo(col("k_doc"))).drop("k_doc");
    if (unique != null) {
      toMatch = toMatch.filter(forumYears(fresh));
    }
    // A document's own entry depends on its text alone: one the store holds is not stored again.
    Dataset<Row> computed = computed(spark, toMatch, matcher)
        .withColumn(Memo.ADDED, not(col(PART).equalTo(WHOLE).and(col(STORED_WHOLE)))).drop(STORED_WHOLE);
    return unique == null ? computed
        : computed.unionByName(reused(texts.drop("text"), keys.filter(col(SEEN)), unique));
  }

  /**
   * One row per document: k_doc, k_forum, k_year, its {@link #TEXT_KEY}, whether the store holds its own entry and
   * whether it holds every entry the document needs ({@link #SEEN}). Small: broadcast where it is joined.
   *
   * @param stored each entry once, or null
   */
  private static Dataset<Row> documentKeys(Dataset<Row> utterances, Dataset<Row> documents, Dataset<Row> stored) {
    Dataset<Row> keys = documents.select(col("doc_id").as("k_doc"), col("forum").as("k_forum"),
        col("year").as("k_year"), sha2(col("text"), 256).as(TEXT_KEY));
    if (stored == null) {
      return keys.withColumn(STORED_WHOLE, lit(false)).withColumn(SEEN, lit(false));
    }
    Dataset<Row> parts = stored.groupBy(col(Memo.KEY).as(TEXT_KEY)).agg(
        max(col(PART).equalTo(WHOLE)).as("p_whole"), count(when(col(PART).notEqual(WHOLE), 1)).as("s_turns"));
    Dataset<Row> turns = utterances.groupBy(col("doc_id").as("t_doc")).agg(count(lit(1)).as("turns"));
    Column whole = coalesce(col("p_whole"), lit(false));
    Column n = coalesce(col("turns"), lit(0L));
    // A document without turns needs its own entry only, which a transcript with the same text also stored.
    return keys.join(broadcast(parts), new String[] {TEXT_KEY}, "left")
        .join(broadcast(turns), col("k_doc").equalTo(col("t_doc")), "left")
        .select(col("k_doc"), col("k_forum"), col("k_year"), col(TEXT_KEY), whole.as(STORED_WHOLE),
            whole.and(n.equalTo(0).or(col("s_turns").equalTo(n))).as(SEEN));
  }

  /**
   * A filter on the columns that partition the inputs, keeping the forum-years of {@code fresh}'s documents: only
   * their files are read. One term per forum, so that the filter stays small.
   */
  private static Column forumYears(Dataset<Row> fresh) {
    Map<String, List<Integer>> years = new TreeMap<>();
    for (Row fy : fresh.select("k_forum", "k_year").distinct().collectAsList()) {
      years.computeIfAbsent(fy.getString(0), f -> new ArrayList<>()).add(fy.isNullAt(1) ? null : fy.getInt(1));
    }
    Column keep = lit(false);
    for (Map.Entry<String, List<Integer>> forum : years.entrySet()) {
      Column year = col("year").isin(forum.getValue().stream().filter(Objects::nonNull).toArray());
      if (forum.getValue().contains(null)) {
        year = year.or(col("year").isNull());
      }
      keep = keep.or(col("forum").equalTo(forum.getKey()).and(year));
    }
    return keep;
  }

  /** The stored matches of the texts of the documents {@code seen} names, from their keys: their texts are unread. */
  private static Dataset<Row> reused(Dataset<Row> rows, Dataset<Row> seen, Dataset<Row> stored) {
    return rows.join(broadcast(seen.select(col("k_doc"), col(TEXT_KEY))), col("doc_id").equalTo(col("k_doc")))
        .drop("k_doc")
        .join(stored.select(col(Memo.KEY).as("s_key"), col(PART).as("s_part"), col(TextMatches.HITS),
                col(TextMatches.SENTENCES), col(TextMatches.LEMMATIZED)),
            col(TEXT_KEY).equalTo(col("s_key")).and(col(PART).equalTo(col("s_part"))))
        .drop("s_key", "s_part").withColumn(Memo.ADDED, lit(false));
  }

  /** {@code texts} matched here, each with its other columns and {@link Memo#ADDED} true. */
  private static Dataset<Row> computed(SparkSession spark, Dataset<Row> texts, IssueMatcher matcher) {
    Broadcast<IssueMatcher> shared = spark.sparkContext().broadcast(matcher,
        scala.reflect.ClassTag$.MODULE$.apply(IssueMatcher.class));
    StructType keys = texts.drop("text").schema();
    // A document and its turns in one task, one after the other: their shared sentences are lemmatized once. The
    // partitions are numbered so that adaptive execution does not coalesce this CPU-bound work onto fewer cores.
    texts = texts.repartition(spark.sparkContext().defaultParallelism() * 4, col("doc_id"))
        .sortWithinPartitions("doc_id");
    // Positions, not names, inside the functions: rows reaching them need not carry their schema.
    StructType in = texts.schema();
    int[] keyAt = Arrays.stream(keys.fieldNames()).mapToInt(in::fieldIndex).toArray();
    int docAt = in.fieldIndex("doc_id");
    int text = in.fieldIndex("text");
    MapPartitionsFunction<Row, Row> match = rows -> new Iterator<>() {
      private String document;
      private final Map<String, IssueMatcher.SentenceMatch> seen = new HashMap<>();

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        if (!r.getString(docAt).equals(document)) {
          document = r.getString(docAt);
          seen.clear();
        }
        Object[] out = new Object[keyAt.length + 4];
        for (int k = 0; k < keyAt.length; k++) {
          out[k] = r.get(keyAt[k]);
        }
        Object[] values = TextMatches.values(shared.value().match(r.isNullAt(text) ? "" : r.getString(text), seen));
        System.arraycopy(values, 0, out, keyAt.length, values.length);
        out[out.length - 1] = true;
        return RowFactory.create(out);
      }
    };
    return texts.mapPartitions(match,
        Encoders.row(TextMatches.withValue(keys).add(Memo.ADDED, DataTypes.BooleanType, false)));
  }

  /** Rows of issue_mentions from {@link #matched} texts: one per text and issue matched. */
  public static Dataset<Row> mentions(Dataset<Row> matched, Dataset<Row> documents, IssueMatcher matcher) {
    StructType schema = Schemas.load(MENTIONS);
    StructType plain = Schemas.withoutMetadata(schema);
    String version = matcher.version();
    // The labels, not the matcher: a function's captures travel with each of its tasks.
    Map<String, String> labels = matcher.labels();
    int wordsAt = matched.schema().fieldIndex("words");
    int hitsAt = matched.schema().fieldIndex(TextMatches.HITS);
    FlatMapFunction<Row, Row> perText = r -> {
      long words = r.isNullAt(wordsAt) ? 0 : r.getLong(wordsAt);
      List<Row> out = new ArrayList<>();
      for (Row hit : r.<Row>getList(hitsAt)) {
        String issue = hit.getString(0);
        long matches = hit.getLong(1);
        long classified = hit.getLong(3);
        String label = labels.get(issue);
        if (label == null) {
          throw new IllegalArgumentException("no issue " + issue + " in the taxonomy " + version);
        }
        out.add(RowFactory.create(r.getString(0), r.get(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), issue, label, matches, score(matches, words),
            hit.getList(2).toArray(String[]::new), classified, method(matches, classified), version, words,
            r.getString(6), r.getString(7), r.get(8)));
      }
      return out.iterator();
    };
    Dataset<Row> docTypes = documents.select(col("doc_id").as("dt_doc_id"), col("doc_type").as("dt_doc_type"));
    Column[] ordered = Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new);
    return matched.flatMap(perText, Encoders.row(plain))
        .join(docTypes, col("doc_id").equalTo(col("dt_doc_id")), "left")
        .withColumn("doc_type", coalesce(col("doc_type"), col("dt_doc_type")))
        .drop("dt_doc_id", "dt_doc_type").select(ordered);
  }

  /**
   * The memo entries of {@link #matched} texts: one per document text and part (two documents may share a text),
   * added only if no document of this run reused it.
   */
  public static Dataset<Row> memoEntries(Dataset<Row> matched, String config) {
    return matched.groupBy(col(TEXT_KEY).as(Memo.KEY), col(PART)).agg(first(TextMatches.HITS).as(TextMatches.HITS),
            first(TextMatches.SENTENCES).as(TextMatches.SENTENCES),
            first(TextMatches.LEMMATIZED).as(TextMatches.LEMMATIZED), min(Memo.ADDED).as(Memo.ADDED))
        .withColumn(Memo.CONFIG, lit(config));
  }

  /** issue_mentions.method of an issue found by {@code matches} term matches and {@code classified} sentences. */
  static String method(long matches, long classified) {
    return matches == 0 ? BY_CLASSIFIER : classified == 0 ? BY_TERMS : BY_BOTH;
  }

  /** Matches per 1,000 words; a text counted as having no words counts as one word. */
  static double score(long matches, long words) {
    return matches * 1000.0 / Math.max(words, 1);
  }

  /**
   * stakeholder_issue_map: per forum, year, issue and stakeholder group, from the utterance rows of issue_mentions —
   * words, distinct speakers and sessions, turns, matches, and the group's share of the issue's words in the
   * forum-year (over all groups, unknown included; shares sum to 1).
   */
  public static Dataset<Row> map(Dataset<Row> mentions) {
    WindowSpec issue = Window.partitionBy("forum", "year", "issue_id");
    Dataset<Row> grouped = mentions.filter(col("level").equalTo("utterance"))
        .withColumn("stakeholder_group", coalesce(col("stakeholder_group"), lit("unknown")))
        .groupBy("forum", "year", "issue_id", "stakeholder_group")
        .agg(first("issue_label").as("issue_label"), sum("words").as("words"),
            countDistinct("person_id").as("speakers"), countDistinct("session_id").as("sessions"),
            count(lit(1)).as("turns"), sum("matches").as("matches"), first("taxonomy_version").as("taxonomy_version"));
    Column total = sum("words").over(issue);
    Column share = when(total.gt(0), col("words").divide(total)); // no words, no share of them (not one of turns)
    Dataset<Row> withShare = grouped.withColumn("word_share", share);
    return withShare.select(Arrays.stream(Schemas.load(MAP).fieldNames()).map(functions::col).toArray(Column[]::new));
  }
}
