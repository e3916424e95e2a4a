package org.opennessobservatory.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and report lines, on made-up rounds. Nothing here is timed. */
class BenchReportTest {
  private static BenchRound round(String side, int r, double seconds, long rejects) {
    return new BenchRound(side, r, 1600, 19_600_000, seconds, 1600 - rejects, rejects, "detail", 1L << 30);
  }

  @Test
  void bestSkipsTheWarmUpRoundAndTakesTheFastest() {
    List<BenchRound> rounds = List.of(round("b", 1, 5, 0), round("b", 2, 12, 0), round("b", 3, 10, 0));
    assertEquals(3, BenchRound.best(rounds).round());
    assertEquals(1, BenchRound.best(List.of(round("b", 1, 30, 0))).round());
  }

  @Test
  void ratioIsPipelineThroughputOverBaselineThroughput() {
    assertEquals(1.6, BenchRound.ratio(round("baseline", 2, 16, 0), round("pipeline", 2, 10, 0)), 1e-9);
  }

  @Test
  void rejectsAreShoutedAndTheSummaryNamesTheRoundsUsed() {
    assertEquals(2, BenchReport.round(round("pipeline", 2, 10, 0)).size());
    assertTrue(BenchReport.round(round("pipeline", 2, 10, 3)).get(2).contains("3 REJECTS"));
    List<String> summary = BenchReport.summary(3, round("baseline", 2, 16, 0), round("pipeline", 3, 10, 0),
        "local[2]", 1024);
    assertTrue(summary.contains("=== bench ingest: the best of rounds 2..3 of each side ==="), summary::toString);
    assertTrue(summary.stream().anyMatch(l -> l.startsWith("ratio pipeline/baseline (documents/s): 1.60")));
  }

  @Test
  void jobTimesSplitTheRoundIntoJobsAndDriverTime() {
    List<SparkJobTimes.JobTime> jobs = List.of(
        new SparkJobTimes.JobTime(0, 1_000, 9_000, 16, 16_000, 15_250, 400, "collectAsList at IngestJob.java:97"),
        new SparkJobTimes.JobTime(1, 9_500, 10_500, 2, 1_800, 1_500, 0, "parquet at DatasetWriter.java:48"));
    List<String> lines = SparkJobTimes.describe(jobs, 500, 11_000, true);
    assertEquals(4, lines.size());
    assertTrue(lines.get(0).endsWith("collectAsList at IngestJob.java:97"));
    assertTrue(lines.get(2).contains("2 jobs, 9.00 s in jobs") && lines.get(2).contains("longest job 0: 8.00 s")
        && lines.get(2).contains("16.00 s task time (CPU 15.25 s, GC 0.40 s)"), lines.get(2));
    assertEquals("driver outside jobs: 0.50 s before the first job, 0.50 s between jobs, 0.50 s after the last",
        lines.get(3));
  }
}
