package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
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
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
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
  public static final String METHOD = "lemma_match";

  /** Sentences read and sentences lemmatized (passed the prefilter), counted as the texts are matched. */
  public record Counters(LongAccumulator sentences, LongAccumulator lemmatized) {
    public static Counters of(SparkSession spark) {
      return new Counters(spark.sparkContext().longAccumulator("issues.sentences"),
          spark.sparkContext().longAccumulator("issues.lemmatized_sentences"));
    }
  }

  /**
   * Rows of issue_mentions: one per utterance and issue, one per document and issue, for texts with at least one
   * match.
   *
   * @param utterances rows with doc_id, turn_index, session_id, person_id, stakeholder_group, text, words, forum, year
   * @param documents rows with doc_id, doc_type, session_id, author_stakeholder_group, text, words, forum, year
   */
  public static Dataset<Row> mentions(SparkSession spark, Dataset<Row> utterances, Dataset<Row> documents,
      IssueMatcher matcher, Counters counters) {
    Broadcast<IssueMatcher> shared = spark.sparkContext().broadcast(matcher,
        scala.reflect.ClassTag$.MODULE$.apply(IssueMatcher.class));
    StructType schema = Schemas.load(MENTIONS);
    StructType plain = new StructType(Arrays.stream(schema.fields())
        .map(f -> new org.apache.spark.sql.types.StructField(f.name(), f.dataType(), f.nullable(),
            org.apache.spark.sql.types.Metadata.empty()))
        .toArray(org.apache.spark.sql.types.StructField[]::new));
    LongAccumulator sentences = counters.sentences();
    LongAccumulator lemmatized = counters.lemmatized();

    Dataset<Row> u = utterances.select(col("doc_id"), col("turn_index"), col("session_id"), col("person_id"),
        col("stakeholder_group"), col("text"), col("words"), col("forum"), col("year"));
    FlatMapFunction<Row, Row> perUtterance = r -> rows(shared.value(), r.getString(5), r.isNullAt(6) ? 0 : r.getLong(6),
        sentences, lemmatized, new Object[] {r.getString(0), r.get(1), "utterance", r.getString(2), r.getString(3),
            r.getString(4), null, r.getString(7), r.get(8)}).iterator();
    Dataset<Row> docTypes = documents.select(col("doc_id").as("dt_doc_id"), col("doc_type").as("dt_doc_type"));
    Dataset<Row> fromUtterances = u.flatMap(perUtterance, Encoders.row(plain));
    fromUtterances = fromUtterances.join(docTypes, col("doc_id").equalTo(col("dt_doc_id")), "left")
        .withColumn("doc_type", col("dt_doc_type")).drop("dt_doc_id", "dt_doc_type");

    Dataset<Row> d = documents.select(col("doc_id"), col("session_id"), col("author_stakeholder_group"), col("text"),
        col("words"), col("doc_type"), col("forum"), col("year"));
    FlatMapFunction<Row, Row> perDocument = r -> rows(shared.value(), r.getString(3), r.isNullAt(4) ? 0 : r.getLong(4),
        sentences, lemmatized, new Object[] {r.getString(0), null, "document", r.getString(1), null, r.getString(2),
            r.getString(5), r.getString(6), r.get(7)}).iterator();
    Dataset<Row> fromDocuments = d.flatMap(perDocument, Encoders.row(plain));
    Column[] ordered = Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new);
    return fromUtterances.select(ordered).unionByName(fromDocuments.select(ordered));
  }

  /**
   * The issue_mentions rows of one text. {@code key} holds doc_id, turn_index, level, session_id, person_id,
   * stakeholder_group, doc_type, forum, year.
   */
  static List<Row> rows(IssueMatcher matcher, String text, long words, LongAccumulator sentences,
      LongAccumulator lemmatized, Object[] key) {
    IssueMatcher.Result result = matcher.match(text);
    sentences.add(result.sentences());
    lemmatized.add(result.lemmatizedSentences());
    List<Row> out = new ArrayList<>(result.hits().size());
    for (Map.Entry<String, IssueMatcher.Hit> e : result.hits().entrySet()) {
      IssueMatcher.Hit hit = e.getValue();
      out.add(RowFactory.create(key[0], key[1], key[2], key[3], key[4], key[5], e.getKey(), matcher.label(e.getKey()),
          hit.matches(), score(hit.matches(), words), hit.terms().toArray(String[]::new), METHOD, matcher.version(),
          words, key[6], key[7], key[8]));
    }
    return out;
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
    Column share = when(total.gt(0), col("words").divide(total))
        .otherwise(col("turns").divide(sum("turns").over(issue)));
    Dataset<Row> withShare = grouped.withColumn("word_share", share);
    return withShare.select(Arrays.stream(Schemas.load(MAP).fieldNames()).map(functions::col).toArray(Column[]::new));
  }
}
