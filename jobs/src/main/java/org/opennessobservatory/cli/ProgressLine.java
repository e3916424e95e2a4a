package org.opennessobservatory.cli;

import java.util.Locale;

/** The console's progress line: a pure function of what the listener counted. */
final class ProgressLine {
  private ProgressLine() {}

  /**
   * "ingest: 30/120 tasks, 3.0 tasks/s, 30 s left". The rate is over the stage so far; the time left assumes it
   * holds, so it is shown only once a task has finished. Totals grow as Spark submits more of the stage's work.
   */
  static String format(String stage, long done, long total, double seconds) {
    String line = String.format(Locale.ROOT, "%s: %d/%d tasks", stage, done, total);
    if (done == 0 || seconds <= 0) {
      return line;
    }
    double rate = done / seconds;
    return line + String.format(Locale.ROOT, ", %.1f tasks/s, %s left", rate,
        duration(Math.max(0, total - done) / rate));
  }

  /** Whole seconds under a minute, then minutes and seconds, then hours and minutes. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
  }
}
