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

  /** The listener bus is asynchronous: wait (bounded) for the line to be drawn. */
  private static void awaitText(StringWriter console, String text) throws InterruptedException {
    for (int i = 0; i < 100 && !console.toString().contains(text); i++) {
      Thread.sleep(50);
    }
    Assertions.assertTrue(console.toString().contains(text), console.toString());
  }
}
