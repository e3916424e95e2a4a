package org.opennessobservatory.notebooks;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * Every notebook of notebooks/ executes headless over the demo's output without an error, draws each chart it
 * shows with data in it, and charts the numbers of the datasets: the table behind a chart, saved by the notebook,
 * equals the same table read by Spark from the Parquet.
 */
class NotebooksTest extends SparkTestBase {
  private static final Path NOTEBOOKS = TestPaths.repo().resolve("notebooks");
  private static final Path WORK = TestPaths.repo().resolve("jobs/target/notebooks");
  private static final List<String> GROUPS = List.of("government", "civil_society", "private_sector",
      "technical_community", "academia", "intergovernmental", "other", "unknown");

  @Test
  void theCommittedNotebooksCarryNoOutputs() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertEquals(List.of("openness-over-time.ipynb", "recommendations-for-evaluators.ipynb", "who-speaks.ipynb"),
        notebooks.stream().map(p -> p.getFileName().toString()).toList(),
        "a notebook added to notebooks/ needs its test here");
    for (Path notebook : notebooks) {
      for (var cell : ExecutedNotebook.read(notebook).codeCells()) {
        Assertions.assertTrue(cell.path("outputs").isEmpty() && cell.path("execution_count").isNull(),
            notebook.getFileName() + ": clear the outputs before committing (Jupyter: Edit > Clear outputs of all "
                + "cells, or jupyter nbconvert --clear-output --inplace)");
      }
    }
  }

  @Test
  void opennessOverTimeChartsTheIndex() {
    Path tables = execute("openness-over-time");
    Dataset<Row> index = spark().read().parquet(DemoRun.out().resolve("openness_index").toString())
        .select("forum", "year", "overall", "coverage", "rank", "change");
    Assertions.assertTrue(index.count() > 0, "the demo scored no forum-year");
    SavedTable.read(tables.resolve("openness_overall.csv")).assertSameRows(index, "forum", "year");
  }

  @Test
  void whoSpeaksChartsTheForumYearIndicators() {
    Path tables = execute("who-speaks");
    Dataset<Row> forumYears = spark().read().parquet(DemoRun.out().resolve("forum_year_indicators").toString())
        .filter(col("words").isNotNull());
    Assertions.assertTrue(forumYears.count() > 0, "the demo has no forum-year with transcript words");
    Dataset<Row> shares = forumYears.selectExpr("forum", "year", "stack(" + GROUPS.size() + ", "
        + GROUPS.stream().map(g -> "'" + g + "', word_share_" + g).collect(Collectors.joining(", "))
        + ") AS (group, word_share)");
    SavedTable.read(tables.resolve("group_word_shares.csv")).assertSameRows(shares, "forum", "year", "group");
    SavedTable.read(tables.resolve("who_speaks.csv")).assertSameRows(forumYears.select("forum", "year",
        "women_word_share", "women_presence_share", "gender_coverage", "global_south_word_share", "region_coverage",
        "gini_words", "hhi_groups", "newcomer_speaker_share", "newcomer_word_share"), "forum", "year");
  }

  @Test
  void recommendationsForEvaluatorsChartsTheStatusWithItsEvidence() {
    Path tables = execute("recommendations-for-evaluators");
    Dataset<Row> status = spark().read().parquet(DemoRun.out().resolve("recommendation_status").toString());
    Dataset<Row> documents = spark().read().parquet(DemoRun.out().resolve("documents").toString())
        .select(col("doc_id"), col("title").as("evidence_title"));
    Dataset<Row> grid = status.join(documents, status.col("evidence_doc_id").equalTo(documents.col("doc_id")),
            "left")
        .select("recommendation_id", "year", "status", "source", "evidence_doc_id", "evidence_title");
    Assertions.assertTrue(grid.filter(col("evidence_title").isNotNull()).count() > 0, "no status has titled evidence");
    Assertions.assertTrue(grid.filter(col("source").equalTo("evaluator")).count() > 0,
        "the demo's evaluator override is missing");
    SavedTable.read(tables.resolve("recommendation_grid.csv")).assertSameRows(grid, "recommendation_id", "year");
  }

  /**
   * Executes the notebook over the shared demo run, checks its outputs (no error; one chart per plt.show() of its
   * source, each drawn with data) and returns the folder of the tables it saved.
   */
  private static Path execute(String name) {
    assertEquals(0, DemoRun.run().exit(), DemoRun.run().err());
    NotebookRunner.requireJupyter();
    Path source = NOTEBOOKS.resolve(name + ".ipynb");
    Path workDir = WORK.resolve(name);
    ExecutedNotebook executed = ExecutedNotebook.read(NotebookRunner.execute(source, DemoRun.out(), workDir));

    assertEquals(List.of(), executed.errors(), name);
    List<BufferedImage> charts = executed.charts();
    assertEquals(chartsShown(source), charts.size(), name + ": an image/png output per plt.show()");
    for (int i = 0; i < charts.size(); i++) {
      BufferedImage chart = charts.get(i);
      String which = name + " chart " + (i + 1);
      Assertions.assertTrue(ChartPixels.distinctColours(chart) > 1, which + " is one flat colour");
      // Two hundred pixels is a short line or a sliver of a bar: less means no series was drawn.
      Assertions.assertTrue(ChartPixels.colouredPixels(chart) >= 200,
          which + " shows no data: only grey axes and text");
    }
    return workDir.resolve("tables");
  }

  private static int chartsShown(Path source) {
    int shows = 0;
    for (var cell : ExecutedNotebook.read(source).codeCells()) {
      StringBuilder code = new StringBuilder();
      cell.path("source").forEach(line -> code.append(line.asText()));
      if (cell.path("source").isTextual()) {
        code.append(cell.path("source").asText());
      }
      shows += code.toString().split("plt\\.show\\(\\)", -1).length - 1;
    }
    return shows;
  }
}
