package org.opennessobservatory.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.generate.BenchCorpus;

/** bench segment's arithmetic, report lines and documents rows, on made-up rounds. Nothing here is timed. */
class SegmentReportTest {
  private static SegmentRound round(String side, int r, double seconds) {
    return new SegmentRound(side, r, 600, 1_500_000, seconds, "detail", 1L << 30);
  }

  @Test
  void bestSkipsTheWarmUpRoundAndRatioIsWordsPerSecond() {
    List<SegmentRound> rounds = List.of(round("b", 1, 2), round("b", 2, 9), round("b", 3, 8));
    assertEquals(3, SegmentRound.best(rounds).round());
    assertEquals(1, SegmentRound.best(List.of(round("b", 1, 30))).round());
    assertEquals(150_000, round("b", 2, 10).wordsPerSecond(), 1e-9);
    assertEquals(1.25, SegmentRound.ratio(round("baseline", 2, 10), round("segment+resolve", 2, 8)), 1e-9);
  }

  @Test
  void summarySaysWhichStagesAreMeasuredAndGivesTheRatio() {
    List<String> summary = SegmentReport.summary(2, round("baseline", 2, 10), round("segment+resolve", 2, 8), "local[2]",
        "an aggregation");
    assertTrue(summary.contains("=== bench segment: round 2 (round 1 is warm-up) ==="), summary::toString);
    assertTrue(summary.contains("stages measured: segment + resolve (no registry: generated names are linked by "
        + "name, surname and initials)"));
    assertTrue(summary.stream().anyMatch(l -> l.startsWith("ratio segment+resolve/baseline (words/s): 1.25")),
        summary::toString);
    assertTrue(summary.stream().anyMatch(l -> l.startsWith("load average at the end:")));
    assertTrue(SegmentReport.round(round("segment+resolve", 2, 8)).get(0).contains("187,500"));
  }

  @Test
  void documentRowsFitTheSchemaSegmentStageReads() {
    BenchCorpus.Transcript t = BenchCorpus.transcript(3, 42, 500);
    var row = SegmentBenchmark.documentRow(t);
    var schema = SegmentBenchmark.documentsSchema();
    assertEquals(schema.size(), row.size());
    assertEquals("transcript", row.getString(schema.fieldIndex("doc_type")));
    assertEquals(t.text(), row.getString(schema.fieldIndex("text")));
    assertEquals(t.year(), row.getInt(schema.fieldIndex("year")));
  }

  @Test
  void detailCountsTheAggregateRow() {
    String d = SegmentBenchmark.detail(RowFactory.create(40L, 900L, 70L, 5L, 0L), 1000);
    assertTrue(d.startsWith("40 turns, 900 words segmented (90.0% of the input"), d);
    assertTrue(SegmentBenchmark.detail(RowFactory.create(0L, null, null, null, null), 1000).startsWith("0 turns"));
  }

  @Test
  void settingsProblems() {
    assertEquals(null, SegmentBenchmark.problem(new SegmentBenchmark.Settings(1, 1, 1, 1, "local[2]", 0, false)));
    assertTrue(SegmentBenchmark.problem(new SegmentBenchmark.Settings(0, 1, 1, 1, "local[2]", 0, false)) != null);
    assertTrue(SegmentBenchmark.problem(new SegmentBenchmark.Settings(1, 1, 1, 1, "local[2]", -1, false)) != null);
  }
}
