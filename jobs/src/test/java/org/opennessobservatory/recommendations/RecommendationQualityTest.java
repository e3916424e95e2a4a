package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/** Stage track over the ingested data-samples: the planted cases of gold/recommendations. */
class RecommendationQualityTest extends SparkTestBase {
  @TempDir
  Path tmp;

  @Test
  void plantedCasesAgreeAndTopThreeArePrecise() {
    String out = tmp.resolve("out").toString();
    DatasetWriter writer = new DatasetWriter(spark(), out);
    IngestJob.run(spark(), TestPaths.samples().toString(), null, ParseLimits.DEFAULTS, writer);
    Dataset<Row> documents = spark().read().parquet(out + "/documents");
    TrackJob.Summary s = TrackJob.run(spark(), documents, TestPaths.samples().toString(), null, writer);
    assertEquals(39, s.recommendations());
    assertEquals(1, s.overridden());

    // Schema conformance: names and types as in schemas/.
    for (String name : List.of(TrackStage.EVIDENCE, TrackStage.STATUS)) {
      StructType written = spark().read().parquet(out + "/" + name).schema();
      StructType expected = Schemas.load(name);
      assertEquals(Arrays.stream(expected.fields()).map(f -> f.name() + ":" + f.dataType().simpleString()).sorted()
              .toList(),
          Arrays.stream(written.fields()).map(f -> f.name() + ":" + f.dataType().simpleString()).sorted().toList(),
          name);
      for (StructField f : expected.fields()) {
        Assertions.assertTrue(!f.metadata().getString("description").isBlank());
      }
    }

    Path gold = TestPaths.repo().resolve("jobs/src/test/resources/gold/recommendations");
    RecommendationEval.Result r = RecommendationEval.evaluate(spark(), out, gold);
    String report = String.join("\n", r.lines());
    System.out.println(report);
    spark().read().parquet(out + "/" + TrackStage.EVIDENCE).filter("rank <= 3")
        .select("recommendation_id", "year", "rank", "rel_path", "cue_class", "score", "passage")
        .orderBy("recommendation_id", "year", "rank").show(200, 90);
    assertEquals(12, r.planted(), "planted recommendation-years the rules decide");
    assertEquals(r.planted(), r.agreed(), report);
    assertEquals(1, r.overrides(), "p31 2022, which no document supports, is the evaluator's");
    assertEquals(r.overrides(), r.overridesApplied(), report);
    Assertions.assertTrue(r.precision() >= 0.9, report);
    Row p31 = spark().read().parquet(out + "/" + TrackStage.STATUS).filter("recommendation_id = 'p31' and year = 2022")
        .first();
    assertEquals("evaluator", p31.getAs("source"));
  }
}
