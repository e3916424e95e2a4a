package org.opennessobservatory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@code observatory demo} over data-samples per test JVM, shared by every test that reads a whole run's output
 * (the demo assertions, the report, the notebooks, queries): a demo costs about a minute, too much to repeat.
 * The output folder is removed when the JVM exits.
 */
public final class DemoRun {
  private static CliRunner.Run run;
  private static Path out;

  private DemoRun() {}

  /** The demo's console output and exit code; runs it on first use. */
  public static synchronized CliRunner.Run run() {
    if (run == null) {
      try {
        Path dir = Files.createTempDirectory("observatory-demo");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        out = dir.resolve("output");
        run = CliRunner.observatory("demo", "--out", out.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  /** The demo's output root; runs it on first use. */
  public static Path out() {
    run();
    return out;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit: a temp folder left behind is harmless
    }
  }
}
