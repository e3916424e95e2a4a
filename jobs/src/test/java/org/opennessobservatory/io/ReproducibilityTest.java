package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.SparkTestBase;

/**
 * Two runs over the same input give the same rows in every dataset, the same codebook and the same report but for
 * what the run manifest holds (the run's id, start time and stage times), even when the data is cut into other
 * partitions: the shared demo run against a second one with another number of shuffle partitions.
 */
class ReproducibilityTest extends SparkTestBase {
  @Test
  void twoDemoRunsGiveTheSameRows(@TempDir Path dir) throws IOException {
    Path first = DemoRun.out();
    Path second = dir.resolve("out");
    String partitions = spark().conf().get("spark.sql.shuffle.partitions");
    try {
      var run = CliRunner.observatory("demo", "--out", second.toString(), "--conf", "spark.sql.shuffle.partitions=3");
      assertEquals(0, run.exit(), run.err());
    } finally {
      // The demo sets it on the shared session; later tests get back what they had.
      spark().conf().set("spark.sql.shuffle.partitions", partitions);
    }
    assertEquals(17, OutputComparison.datasets(first).size(), OutputComparison.datasets(first).toString());
    assertEquals(List.of(), OutputComparison.differences(spark(), first, second));

    assertEquals(files(first, "codebook"), files(second, "codebook"));
    for (String file : files(first, "codebook")) {
      assertEquals(Files.readString(first.resolve(file)), Files.readString(second.resolve(file)), file);
    }
    assertEquals(files(first, "report"), files(second, "report"));
    assertNotEquals(Files.readString(first.resolve(REPORT)), Files.readString(second.resolve(REPORT)),
        "each report names its own run");
    assertEquals(withoutRunManifestValues(first), withoutRunManifestValues(second));
  }

  private static final String REPORT = "report/index.html";

  /** The files under one folder of an output root, relative to it, Hadoop's checksum files (.crc) aside. */
  private static List<String> files(Path out, String folder) throws IOException {
    try (Stream<Path> paths = Files.walk(out.resolve(folder))) {
      return paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  /**
   * The report with the values it shows from {@code _run.json} that differ from run to run taken out: the run id
   * (header and run table), {@code started_at} and {@code stage_seconds}. Each is first checked to be exactly the
   * manifest's, so that nothing else can hide behind them.
   */
  @SuppressWarnings("unchecked")
  private static String withoutRunManifestValues(Path out) throws IOException {
    String html = Files.readString(out.resolve(REPORT), StandardCharsets.UTF_8);
    Map<String, Object> run = new ObjectMapper().readValue(out.resolve(RunManifest.FILE).toFile(), Map.class);
    String started = row("started_at", run.get("started_at").toString());
    // The report is drawn before its own time is added to the manifest; the times are shown to two decimals.
    String stages = row("stage_seconds", ((Map<String, Object>) run.get("stage_seconds")).entrySet().stream()
        .filter(e -> !e.getKey().equals("report"))
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", (Double) e.getValue()))
        .collect(Collectors.joining(", ")));
    for (String row : List.of(started, stages)) {
      assertEquals(1, count(html, row), row);
      html = html.replace(row, "");
    }
    String runId = run.get("run_id").toString();
    assertEquals(2, count(html, runId), "the run id in the header and the run table");
    return html.replace(runId, "RUN_ID");
  }

  private static String row(String key, String value) {
    return "<tr><th scope=\"row\">" + key + "</th><td>" + value + "</td></tr>\n";
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
