package org.opennessobservatory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessobservatory.indicators.Attendance;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.indicators.ProcessEvents;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.mapping.Taxonomy;
import org.opennessobservatory.openness.ScoreJob;
import org.opennessobservatory.recommendations.Overrides;
import org.opennessobservatory.recommendations.RecommendationRegistry;
import org.opennessobservatory.recommendations.TrackJob;
import org.opennessobservatory.speakers.Registry;
import org.opennessobservatory.speakers.ResolveJob;

/**
 * Each reference file a run reads, with each kind of fault, through the loader the run uses: the user gets one line
 * naming the file, the line where there is one, and the fault — never a stack trace or a vague message. Faults of
 * an unclosed quote, broken YAML) and one cell fault per file kind.
 */
class BadConfigurationTest {
  private static final Configuration CONF = new Configuration();

  @TempDir
  Path corpus;

  /**
   * Writes {@code content} where the kind's loader reads it: "\\n" for newlines, {@code <header>} for the kind's
   * full header, {@code <bom>} for a byte-order mark, {@code <binary>} for random bytes.
   */
  private Path write(String kind, String content) throws IOException {
    String rel = switch (kind) {
      case "manifest" -> "manifest.csv";
      case "people" -> "registry/people.csv";
      case "attendance" -> "registry/attendance.csv";
      case "process-events" -> "registry/process-events.csv";
      case "overrides" -> "registry/recommendation-overrides.csv";
      case "rubric" -> "rubric.yaml";
      case "taxonomy" -> "taxonomy.yaml";
      case "recommendations" -> "recommendations.yaml";
      default -> throw new IllegalArgumentException(kind);
    };
    Path file = corpus.resolve(rel);
    Files.createDirectories(file.getParent());
    String text = content.contains("<header>") ? content.replace("<header>", header(kind)) : content;
    byte[] bytes = text.replace("\\n", "\n").replace("<bom>", "\uFEFF").getBytes(StandardCharsets.UTF_8);
    if (content.equals("<binary>")) {
      bytes = new byte[512];
      new java.util.Random(3).nextBytes(bytes);
    }
    return Files.write(file, bytes);
  }

  /** The kind's full header line: the registry tables want every column, filled or not. */
  private static String header(String kind) {
    return String.join(",", switch (kind) {
      case "people" -> Registry.COLUMNS;
      case "attendance" -> Attendance.COLUMNS;
      case "process-events" -> ProcessEvents.COLUMNS;
      case "overrides" -> Overrides.COLUMNS;
      default -> throw new IllegalArgumentException(kind);
    });
  }

  private Consumer<Path> loader(String kind) {
    String root = corpus.toString();
    return file -> {
      switch (kind) {
        case "manifest" -> IngestJob.readManifest(new org.apache.hadoop.fs.Path(file.toString()), CONF, true);
        case "people" -> ResolveJob.registry(root, CONF);
        case "attendance" -> Attendance.of(CsvTable.hadoop(file.toString(), CONF, Attendance.COLUMNS));
        case "process-events" -> ProcessEvents.of(CsvTable.hadoop(file.toString(), CONF, ProcessEvents.COLUMNS));
        case "overrides" -> TrackJob.overrides(root, CONF, RecommendationRegistry.shipped());
        case "rubric" -> ScoreJob.rubric(file.toString(), CONF);
        case "taxonomy" -> Taxonomy.load(file.toString(), CONF);
        case "recommendations" -> RecommendationRegistry.load(file.toString(), CONF);
        default -> throw new IllegalArgumentException(kind);
      }
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # kind | fault | content | expected after the file name
      manifest | empty file | `` | : no 'path' column in the header line (found: )
      manifest | binary | <binary> | : no 'path' column in the header line
      manifest | unclosed quote | path,forum\\na.txt,igf\\n"b.txt,igf\\n | line 3: a quoted cell is not closed
      manifest | ragged row | path,forum\\na.txt\\n | line 2: 1 cells where the header has 2
      manifest | unknown forum level | path,forum_level\\na.txt,continental\\n | line 2: forum_level 'continental' is not
      manifest | bad date | path,date\\na.txt,2023-02-30\\n | line 2: date '2023-02-30' is not a date as yyyy-MM-dd
      people | empty file | `` | : the header line lacks column(s) name
      people | binary | <binary> | : the header line lacks column(s) name
      people | unclosed quote | <header>\\nAna Perez,,,,,,,,,\\n"Bo Li,,,,,,,,,\\n | line 3: a quoted cell is not closed
      people | ragged row | <header>\\nAna Perez,UN\\n | line 2: 2 cells where the header has 10
      people | bad group | <header>\\nAna Perez,,,media,,,,,,\\n | line 2: stakeholder_group 'media' is not one of
      attendance | binary | <binary> | : the header line lacks column(s) forum
      attendance | bad number | <header>\\nIGF,2023,registrants,gender,woman,many,count,,\\n | line 2: value 'many'
      process-events | bad date | <header>\\nIGF,2023,2023-10-08,8 Oct,,,,,,\\n | line 2: event_end '8 Oct' is not a date
      process-events | unclosed quote | <header>\\n"IGF,2023,2023-10-08,2023-10-12,,,,,,\\n | line 2: a quoted cell
      overrides | unknown recommendation | <header>\\np999,2023,implemented,A. B.,\\n | line 2: recommendation 'p999'
      rubric | empty file | `` | : not a rubric
      rubric | binary | <binary> | : not
      rubric | broken YAML | version: "1"\\nprinciples: [\\n | line 2: not valid YAML
      taxonomy | empty file | `` | : not an issue taxonomy
      taxonomy | broken YAML | version: "1"\\nissues:\\n  - id: a\\n   label: [x\\n | : not valid YAML
      taxonomy | a list for the file | - a\\n- b\\n | : not an issue taxonomy
      recommendations | empty file | `` | : not a recommendation registry
      recommendations | broken YAML | version: x\\nrecommendations:\\n  - {id: p1\\n | line 3: not valid YAML
      recommendations | tab indentation | version: x\\n\\tid: p1\\n | line 2: unknown key
      """)
  void aFaultyFileIsOneLineNamingFileLineAndFault(String kind, String fault, String content, String expected)
      throws IOException {
    Path file = write(kind, content);
    UserException e = assertThrows(UserException.class, () -> loader(kind).accept(file), kind + ": " + fault);
    String message = e.getMessage();
    assertEquals(1, message.lines().count(), "one line: " + message);
    assertTrue(message.startsWith(file.toString()), "names the file first: " + message);
    assertTrue(message.contains(expected.strip()), "expected '" + expected.strip() + "' in: " + message);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"manifest", "people"})
  void aByteOrderMarkIsNoPartOfTheFirstColumnsName(String kind) throws IOException {
    // Excel's "CSV UTF-8" starts the file with one.
    Path file = write(kind, kind.equals("manifest") ? "<bom>path,forum\\na.txt,igf\\n"
        : "<bom><header>\\nAna Perez,,,academia,,,,,,\\n");
    loader(kind).accept(file);
    if (kind.equals("manifest")) {
      assertEquals(java.util.Set.of("a.txt"),
          IngestJob.readManifest(new org.apache.hadoop.fs.Path(file.toString()), CONF, true).keySet());
    } else {
      assertEquals(1, ResolveJob.registry(corpus.toString(), CONF).size());
    }
  }
}
