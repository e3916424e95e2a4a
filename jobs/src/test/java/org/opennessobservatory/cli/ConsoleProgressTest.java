package org.opennessobservatory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.SparkTestBase;

/** The progress listener on real Spark jobs: it counts the tasks of the named stage and draws them in place. */
class ConsoleProgressTest extends SparkTestBase {
  @Test
  void countsTheTasksOfTheNamedStageAndStopsWhenItIsOver() throws InterruptedException {
    StringWriter console = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(console), 0);
    jsc().sc().addSparkListener(progress);
    try {
      jsc().setJobDescription("count");
      assertEquals(8, jsc().parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 4).count());
      awaitText(console, "\rcount: 4/4 tasks");
      Assertions.assertTrue(console.toString().startsWith("\rcount: 0/4 tasks"), console.toString());

      progress.clear();
      int cleared = console.toString().length();
      Assertions.assertTrue(console.toString().matches("(?s).*\r +\r"), "the line is wiped: " + console);
      // After its summary, a stage draws no more; nor does work outside the named stages.
      assertEquals(2, jsc().parallelize(List.of(1, 2), 2).count());
      jsc().setJobDescription(null);
      assertEquals(2, jsc().parallelize(List.of(1, 2), 2).count());
      Thread.sleep(500);
      assertEquals(cleared, console.toString().length(), console.toString());
    } finally {
      jsc().setJobDescription(null);
      jsc().sc().removeSparkListener(progress);
    }
  }

  /**
   * --quiet draws nothing on a terminal, and without it nothing is drawn off one: checked beside a listener that does
   * draw the same job, so that the silence is not merely a job too short to show.
   */
  @Test
  void staysQuietWithQuietOrOffATerminal() throws InterruptedException {
    // Surefire's forked JVM writes into a pipe, as a cluster's driver writes into its log: no console.
    Assertions.assertNull(System.console());
    Assertions.assertNull(ConsoleProgress.attach(spark(), false), "off a terminal: no listener");
    StringWriter quietTerminal = new StringWriter();
    Assertions.assertNull(ConsoleProgress.attach(spark(), true, new PrintWriter(quietTerminal)), "--quiet");
    StringWriter terminal = new StringWriter();
    ConsoleProgress shown = ConsoleProgress.attach(spark(), false, new PrintWriter(terminal));
    Assertions.assertNotNull(shown);
    try {
      jsc().setJobDescription("ingest");
      assertEquals(3, jsc().parallelize(List.of(1, 2, 3), 3).count());
      awaitText(terminal, "\ringest: 0/3 tasks");
    } finally {
      jsc().setJobDescription(null);
      ConsoleProgress.detach(spark(), shown);
    }
    assertEquals("", quietTerminal.toString(), "no redrawn line with --quiet");

    // The option reaches the command that attaches the listener.
    for (String command : List.of("ingest", "run")) {
      var parsed = Observatory.commandLine().parseArgs(command, "--corpus", "c", "--out", "o", "--quiet");
      Assertions.assertTrue(((PipelineCommand) parsed.subcommand().commandSpec().userObject()).sparkOptions.quiet,
          command);
      parsed = Observatory.commandLine().parseArgs(command, "--corpus", "c", "--out", "o");
      Assertions.assertFalse(((PipelineCommand) parsed.subcommand().commandSpec().userObject()).sparkOptions.quiet,
          command);
    }
  }

  /** The listener bus is asynchronous: wait (bounded) for the line to be drawn. */
  private static void awaitText(StringWriter console, String text) throws InterruptedException {
    for (int i = 0; i < 100 && !console.toString().contains(text); i++) {
      Thread.sleep(50);
    }
    Assertions.assertTrue(console.toString().contains(text), console.toString());
  }
}
