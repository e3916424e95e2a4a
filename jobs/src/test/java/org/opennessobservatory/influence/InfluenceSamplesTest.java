package org.opennessobservatory.influence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * Stage influence over the data-samples contributions and outcomes, ingested for real (only those files and their
 * manifest rows are copied, to keep the test short), scored against the gold passages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfluenceSamplesTest extends SparkTestBase {
  private Path out;
  private InfluenceJob.Summary summary;

  @BeforeAll
  void ingestAndRun() throws IOException {
    startSparkOnce();
    Path tmp = Files.createTempDirectory("influence-samples");
    Path corpus = tmp.resolve("corpus");
    Path samples = TestPaths.samples();
    List<String> lines = Files.readAllLines(samples.resolve("manifest.csv"), StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      if (line.contains(",contribution,") || line.contains(",outcome,")) {
        String rel = line.substring(0, line.indexOf(','));
        Path target = corpus.resolve(rel);
        Files.createDirectories(target.getParent());
        Files.copy(samples.resolve(rel), target);
        kept.add(line);
      }
    }
    Files.write(corpus.resolve("manifest.csv"), kept, StandardCharsets.UTF_8);
    out = tmp.resolve("out");
    DatasetWriter writer = new DatasetWriter(spark(), out.toString());
    IngestJob.run(spark(), corpus.toString(), null, ParseLimits.DEFAULTS, writer);
    summary = InfluenceJob.run(spark(), out.toString(), writer);
  }

  private void startSparkOnce() {
    runBefore();
  }

  @Test
  void passagesMatchTheGold() {
    Path gold = TestPaths.repo().resolve("jobs/src/test/resources/gold/influence");
    InfluenceEval.Score s = InfluenceEval.evaluate(spark(), out.toString(), gold);
    // Through the command line, as a researcher runs it.
    CliRunner.Run run = CliRunner.observatory("eval", "influence", "--out", out.toString(), "--gold",
        gold.toString(), "--master", "local[2]", "--quiet");
    System.out.println(run.out());
    Assertions.assertEquals(0, run.exit(), run.err());
    Assertions.assertTrue(s.gold() >= 10, "gold passages: " + s.gold());
    Assertions.assertTrue(s.precision() >= 0.95 && s.recall() >= 0.95, run.out());
    Assertions.assertTrue(run.out().startsWith(String.format(java.util.Locale.ROOT,
        "influence passages: precision %.3f (%d/%d found), recall %.3f (%d/%d gold)", s.precision(),
        s.truePositives(), s.found(), s.recall(), s.goldMatched(), s.gold())), run.out());
  }

  @Test
  void writesTheThreeDatasetsToTheirSchemas() {
    for (String name : List.of(InfluenceStage.PASSAGES, InfluenceStage.BY_GROUP, InfluenceStage.CLUSTERS)) {
      StructType written = spark().read().parquet(out.resolve(name).toString()).schema();
      StructType schema = Schemas.load(name);
      for (StructField f : schema.fields()) {
        Assertions.assertTrue(Set.of(written.fieldNames()).contains(f.name()), name + " lacks " + f.name());
        StructField w = written.apply(f.name());
        Assertions.assertTrue(w.dataType().sameType(f.dataType()), name + "." + f.name() + ": " + w.dataType());
        Assertions.assertTrue(f.metadata().contains("description") && f.metadata().contains("since"),
            name + "." + f.name() + " lacks description or since");
      }
      Assertions.assertTrue(written.fieldNames().length == schema.fieldNames().length, name);
    }
    Assertions.assertTrue(summary.passages() > 0 && summary.pairsExamined() >= summary.passages() / 10,
        summary.toString());
  }
}
