package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage score's I/O: inputs from the output root, the rubric from a file, both datasets written and read back. */
class ScoreJobTest extends SparkTestBase {
  @TempDir
  Path dir;

  private String rubricFile(String yaml) throws IOException {
    Path file = dir.resolve("rubric.yaml");
    Files.writeString(file, yaml);
    return file.toString();
  }

  @Test
  void scoresTheOutputRootAndWritesBothDatasets() throws IOException {
    String out = dir.resolve("out").toString();
    ScoreFixture.indicators(spark()).write().partitionBy("forum", "year")
        .parquet(out + "/" + ScoreStage.INDICATORS);
    ScoreFixture.documents(spark()).write().partitionBy("forum", "year").parquet(out + "/" + ScoreStage.DOCUMENTS);
    String rubric = rubricFile(ScoreFixture.RUBRIC);

    ScoreJob.Summary summary = ScoreJob.run(spark(), out, rubric, new DatasetWriter(spark(), out));

    // Assessed criteria per forum-year (ScoreFixture's table): igf 4 + 4, eurodig 3 + 0, ukigf 4 + 4, youth 2 + 4
    // = 25 of 8 × 4 = 32.
    Assertions.assertEquals(new ScoreJob.Summary(rubric, "score.1", 4, 8, 7, 25, 7), summary);
    for (String dataset : List.of(ScoreStage.CRITERIA, ScoreStage.INDEX)) {
      StructType written = spark().read().parquet(out + "/" + dataset).schema();
      Assertions.assertEquals(columns(Schemas.load(dataset)), columns(written),
          dataset + ": the schema file's columns and types, partition columns last as read back");
      Assertions.assertTrue(Files.isDirectory(dir.resolve("out/" + dataset + "/forum=igf/year=2023")),
          dataset + " is partitioned by forum and year");
    }
    Row igf = spark().read().parquet(out + "/" + ScoreStage.INDEX).filter("forum = 'igf' and year = 2024").first();
    Assertions.assertEquals(List.of(1, 2023), List.of(igf.getAs("rank"), igf.getAs("previous_year")));
    Assertions.assertEquals(6.25, igf.<Double>getAs("change"), 1e-9, "72.5 − 66.25");
  }

  private static List<String> columns(StructType schema) {
    List<String> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      columns.add(f.name() + " " + f.dataType().catalogString());
    }
    return columns;
  }

  @Test
  void aFaultyRubricFailsBeforeAnyInputIsRead() throws IOException {
    String out = dir.resolve("empty-out").toString();
    String rubric = rubricFile(ScoreFixture.RUBRIC.replace("[agenda_lead_days]", "[agenda_days]"));
    UserException fault = assertThrows(UserException.class,
        () -> ScoreJob.run(spark(), out, rubric, new DatasetWriter(spark(), out)));
    Assertions.assertTrue(fault.getMessage().startsWith(rubric + " line 25: criterion 'agenda_lead_time': unknown "
        + "indicator 'agenda_days' (known: "), fault.getMessage());

    String weights = rubricFile(ScoreFixture.RUBRIC.replace("weight: 0.3}", "weight: 0.2}"));
    Assertions.assertEquals(weights + ": principle weights sum to 0.9, not 1 (participation 0.5, "
        + "accountability_transparency 0.2, procedural_fairness 0.2)", assertThrows(UserException.class,
        () -> ScoreJob.run(spark(), out, weights, new DatasetWriter(spark(), out))).getMessage());

    String absent = dir.resolve("no-such-rubric.yaml").toString();
    String message = assertThrows(UserException.class,
        () -> ScoreJob.run(spark(), out, absent, new DatasetWriter(spark(), out))).getMessage();
    Assertions.assertTrue(message.startsWith(absent + ": cannot be read ("), message);
  }

  @Test
  void aMissingInputNamesTheStageToRun() throws IOException {
    String out = dir.resolve("empty-out").toString();
    String rubric = rubricFile(ScoreFixture.RUBRIC);
    String message = assertThrows(UserException.class,
        () -> ScoreJob.run(spark(), out, rubric, new DatasetWriter(spark(), out))).getMessage();
    Assertions.assertTrue(message.endsWith("forum_year_indicators does not exist: run stage indicators into the same --out first"), message);
  }

  @Test
  void theDefaultRubricReadsOnlyKnownIndicators() {
    // Against schemas/forum_year_indicators.json once it exists, else IndicatorNames: a renamed column fails here.
    Rubric rubric = ScoreJob.rubric(null, spark().sparkContext().hadoopConfiguration());
    Assertions.assertTrue(rubric.criteria().size() >= 15, "the default rubric");
    Assertions.assertTrue(ScoreJob.knownIndicators().containsAll(ScoreStage.indicatorsRead(rubric)));
  }
}
