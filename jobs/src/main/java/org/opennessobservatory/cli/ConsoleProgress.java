package org.opennessobservatory.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Progress of a run on the terminal, redrawn in place: the pipeline stage (the job description PipelineCommand sets
 * for each stage), tasks done of those submitted so far, rate and time left. Shown only on a terminal: a cluster's
 * driver log or a pipe would fill with redrawn lines.
 */
final class ConsoleProgress extends SparkListener {
  private static final String STAGE_KEY = "spark.job.description";
  private static final long REDRAW_NANOS = 250_000_000L;

  private final PrintWriter console;
  private final long redrawNanos;
  /** Stages whose summary is printed: events of theirs still queued on the listener bus must not redraw. */
  private final Set<String> finished = new HashSet<>();
  private String stage;
  private long started;
  private long done;
  private long total;
  private long lastDraw;
  private int drawn;

  ConsoleProgress(PrintWriter console, long redrawNanos) {
    this.console = console;
    this.redrawNanos = redrawNanos;
  }

  /** A listener drawing on the terminal, or null when quiet or not on one; {@link #detach} removes it. */
  static ConsoleProgress attach(SparkSession spark, boolean quiet) {
    // No console when standard input or output is a file or a pipe: a cluster's driver log, `| tee`, a test.
    Console terminal = System.console();
    return attach(spark, quiet, terminal == null ? null : terminal.writer());
  }

  /** @param terminal the terminal's writer; null when not on one */
  static ConsoleProgress attach(SparkSession spark, boolean quiet, PrintWriter terminal) {
    if (quiet || terminal == null) {
      return null;
    }
    ConsoleProgress progress = new ConsoleProgress(terminal, REDRAW_NANOS);
    spark.sparkContext().addSparkListener(progress);
    return progress;
  }

  /** Stops drawing and clears the line, so the summary that follows starts on a clean one. */
  static void detach(SparkSession spark, ConsoleProgress progress) {
    if (progress != null) {
      spark.sparkContext().removeSparkListener(progress);
      progress.clear();
    }
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    String name = submitted.properties() == null ? null : submitted.properties().getProperty(STAGE_KEY);
    if (name == null || finished.contains(name)) {
      return; // work outside the pipeline's stages (reading back a count) is not shown
    }
    if (!name.equals(stage)) {
      stage = name;
      started = System.nanoTime();
      done = 0;
      total = 0;
    }
    total += submitted.stageInfo().numTasks();
    draw(true);
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    if (stage != null) {
      done++;
      draw(false);
    }
  }

  private void draw(boolean now) {
    long t = System.nanoTime();
    if (!now && t - lastDraw < redrawNanos) {
      return;
    }
    lastDraw = t;
    String line = ProgressLine.format(stage, done, total, (t - started) / 1e9);
    // '\r' returns to the line's start; spaces wipe what a longer previous line left.
    console.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    console.flush();
    drawn = line.length();
  }

  /** The current stage is over: clear its line and draw nothing more for it. */
  synchronized void clear() {
    if (stage != null) {
      finished.add(stage);
      stage = null;
    }
    if (drawn > 0) {
      console.print("\r" + " ".repeat(drawn) + "\r");
      console.flush();
      drawn = 0;
    }
  }
}
