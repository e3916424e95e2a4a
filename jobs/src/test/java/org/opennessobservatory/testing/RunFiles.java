package org.opennessobservatory.testing;

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
import org.opennessobservatory.io.RunManifest;

/**
 * The files of a run beside its datasets: two runs over the same input have the same codebook and the same report
 * but for what the run manifest holds (the run's id, command, start time and stage times).
 */
public final class RunFiles {
  private RunFiles() {}

  private static final String REPORT = "report/index.html";

  /** Asserts that {@code second}'s codebook and report are {@code first}'s but for the run manifest's values. */
  public static void assertSameCodebookAndReport(Path first, Path second) throws IOException {
    assertEquals(files(first, "codebook"), files(second, "codebook"));
    for (String file : files(first, "codebook")) {
      assertEquals(Files.readString(first.resolve(file)), Files.readString(second.resolve(file)), file);
    }
    assertEquals(files(first, "report"), files(second, "report"));
    assertNotEquals(Files.readString(first.resolve(REPORT)), Files.readString(second.resolve(REPORT)),
        "each report names its own run");
    assertEquals(withoutRunManifestValues(first), withoutRunManifestValues(second));
  }

  /** The files under one folder of an output root, relative to it, Hadoop's checksum files (.crc) aside. */
  private static List<String> files(Path out, String folder) throws IOException {
    try (Stream<Path> paths = Files.walk(out.resolve(folder))) {
      return paths.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".crc"))
          .map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  /**
   * The report with the values it shows from {@code _run.json} that differ from run to run taken out: the run id
   * (header and run table), {@code command} (a demo and a run of the same corpus compare), {@code started_at} and
   * {@code stage_seconds}. Each is first checked to be exactly the manifest's, so that nothing else can hide behind
   * them.
   */
  @SuppressWarnings("unchecked")
  private static String withoutRunManifestValues(Path out) throws IOException {
    String html = Files.readString(out.resolve(REPORT), StandardCharsets.UTF_8);
    Map<String, Object> run = new ObjectMapper().readValue(out.resolve(RunManifest.FILE).toFile(), Map.class);
    String command = row("command", run.get("command").toString());
    String started = row("started_at", run.get("started_at").toString());
    // The report is drawn before its own time is added to the manifest; the times are shown to two decimals.
    String stages = row("stage_seconds", ((Map<String, Object>) run.get("stage_seconds")).entrySet().stream()
        .filter(e -> !e.getKey().equals("report"))
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", (Double) e.getValue()))
        .collect(Collectors.joining(", ")));
    for (String row : List.of(command, started, stages)) {
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
