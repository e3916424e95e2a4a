package org.opennessobservatory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line on hand-computed numbers. */
class ProgressLineTest {
  @Test
  void rateAndTimeLeftFollowFromTasksDoneAndSeconds() {
    // 30 tasks in 10 s: 3.0 tasks/s; 90 left at that rate: 30 s.
    assertEquals("ingest: 30/120 tasks, 3.0 tasks/s, 30 s left", ProgressLine.format("ingest", 30, 120, 10));
    // 10 tasks in 4 s: 2.5 tasks/s; 990 left: 396 s = 6 min 36 s.
    assertEquals("issues: 10/1000 tasks, 2.5 tasks/s, 6 min 36 s left", ProgressLine.format("issues", 10, 1000, 4));
    assertEquals("track: 8/8 tasks, 4.0 tasks/s, 0 s left", ProgressLine.format("track", 8, 8, 2));
  }

  @Test
  void beforeAnyTaskFinishesThereIsNoRateToTell() {
    assertEquals("score: 0/8 tasks", ProgressLine.format("score", 0, 8, 2));
  }

  @Test
  void durationsReadAsSecondsMinutesOrHours() {
    assertEquals("59 s", ProgressLine.duration(59.4));
    assertEquals("1 min 00 s", ProgressLine.duration(59.6));
    assertEquals("2 h 05 min", ProgressLine.duration(2 * 3600 + 5 * 60 + 29));
  }
}
