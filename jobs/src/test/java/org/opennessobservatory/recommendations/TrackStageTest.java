package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.SparkTestBase;

/** The status table from evidence rows: the strongest passage of a tie, and evidence without a year. */
class TrackStageTest extends SparkTestBase {
  private static final StructType EVIDENCE = new StructType()
      .add("recommendation_id", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
      .add("cue_class", DataTypes.StringType, false).add("doc_id", DataTypes.StringType, false)
      .add("passage", DataTypes.StringType, false).add("score", DataTypes.DoubleType, false)
      .add("start_char", DataTypes.IntegerType, false);

  /**
   * Two implemented passages of p13 in 2023 score the same: the strongest is the one evidence.rank puts first (doc
   * dA before dB), whatever order the rows come in. An undated document's passage, though it scores highest, has no
   * year to be evidence of: it neither stops the stage nor counts.
   */
  @Test
  void theStrongestPassageIsTheFirstRankedAndUndatedEvidenceIsLeftOut() {
    for (List<Row> order : List.of(
        List.of(row(2023, "dB", "second", 10), row(2023, "dA", "first", 50), row(null, "dU", "undated", 0)),
        List.of(row(null, "dU", "undated", 0), row(2023, "dA", "first", 50), row(2023, "dB", "second", 10)))) {
      Dataset<Row> evidence = spark().createDataFrame(order, EVIDENCE).repartition(3);
      Row p13 = TrackStage.status(spark(), evidence, List.of(2023), RecommendationRegistry.shipped(),
          CueLexicon.shipped(), Overrides.none()).filter("recommendation_id = 'p13'").first();
      assertEquals(List.of(2023, "implemented", 2L, "dA", "first"), List.of(p13.getAs("year"), p13.getAs("status"),
          p13.getAs("evidence_count"), p13.getAs("evidence_doc_id"), p13.getAs("evidence_passage")));
    }
  }

  private static Row row(Integer year, String doc, String passage, int start) {
    return RowFactory.create("p13", year, "implemented", doc, passage, 2.0 + (year == null ? 7 : 0), start);
  }
}
