package org.opennessobservatory.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The issue matches of one text as a row value, so that an incremental run can keep them by the text's hash: the
 * hits (issue, count, terms, sentences classified) and the sentence counts of {@link IssueMatcher.Result}.
 */
final class TextMatches {
  private TextMatches() {}

  static final String HITS = "hits";
  static final String SENTENCES = "sentences";
  static final String LEMMATIZED = "lemmatized_sentences";

  static final StructType HIT = new StructType()
      .add("issue_id", DataTypes.StringType, false)
      .add("matches", DataTypes.LongType, false)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("classified", DataTypes.LongType, false);

  /** The value columns, appended to a text's key columns. */
  static StructType withValue(StructType keys) {
    return keys.add(HITS, DataTypes.createArrayType(HIT, false), false)
        .add(SENTENCES, DataTypes.IntegerType, false)
        .add(LEMMATIZED, DataTypes.IntegerType, false);
  }

  /** hits, sentences, lemmatized sentences: the values {@link #withValue} adds, in its order. */
  static Object[] values(IssueMatcher.Result result) {
    List<Row> hits = new ArrayList<>(result.hits().size());
    for (Map.Entry<String, IssueMatcher.Hit> e : result.hits().entrySet()) {
      hits.add(RowFactory.create(e.getKey(), e.getValue().matches(),
          CollectionConverters.asScala(e.getValue().terms()).toSeq(), e.getValue().classified()));
    }
    return new Object[] {CollectionConverters.asScala(hits).toSeq(), result.sentences(),
        result.lemmatizedSentences()};
  }
}
