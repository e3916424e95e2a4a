package org.opennessobservatory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * One {@code observatory demo} over data-samples per test JVM, shared by every test that reads a whole run's output
 * (the demo assertions, the report, the notebooks, queries): a demo costs about a minute, too much to repeat.
 * It runs with Spark's compiled execution, as outside the tests (the tests' session interprets: SparkTestBase).
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
        List<String> args = new ArrayList<>(List.of("demo", "--out", out.toString()));
        SparkTestBase.COMPILED.forEach((key, value) -> args.addAll(List.of("--conf", key + "=" + value)));
        // A run sets its settings on the session it finds (compiled queries, its shuffle partitions and Parquet
        // codec); the tests after it get back the session's own (interpreted: SparkTestBase), whichever runs first.
        scala.Option<SparkSession> shared = SparkSession.getDefaultSession();
        Map<String, String> before = shared.isDefined() ? settings(shared.get()) : null;
        try {
          run = CliRunner.observatory(args.toArray(String[]::new));
        } finally {
          if (before != null) {
            restore(shared.get(), before);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return run;
  }

  private static Map<String, String> settings(SparkSession spark) {
    return new HashMap<>(scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()));
  }

  /** Sets back the settings a run changed on {@code spark} and removes those it added. */
  private static void restore(SparkSession spark, Map<String, String> before) {
    settings(spark).forEach((key, value) -> {
      if (!before.containsKey(key)) {
        spark.conf().unset(key);
      } else if (!before.get(key).equals(value)) {
        spark.conf().set(key, before.get(key));
      }
    });
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
