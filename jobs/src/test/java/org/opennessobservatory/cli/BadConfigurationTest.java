package org.opennessobservatory.cli;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessobservatory.indicators.Attendance;
import org.opennessobservatory.ingest.CorpusPaths;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.IngestSummary;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.indicators.ProcessEvents;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.mapping.IssueClassifier;
import org.opennessobservatory.mapping.Taxonomy;
import org.opennessobservatory.openness.ScoreJob;
import org.opennessobservatory.recommendations.Overrides;
import org.opennessobservatory.recommendations.RecommendationRegistry;
import org.opennessobservatory.recommendations.TrackJob;
import org.opennessobservatory.speakers.Registry;
import org.opennessobservatory.speakers.ResolveJob;
import org.opennessobservatory.testing.SparkTestBase;

/**
 * Each reference file a run reads, with each kind of fault, through the loader the run uses: the user gets one line
 * naming the file, the line where there is one, and the fault — never a stack trace or a vague message. Faults of
 * an unclosed quote, broken YAML) and one cell fault per file kind. A manifest row whose fault concerns one file
 * stops nothing: through the real ingest job, that file (or the row) becomes a reject with its reason.
 */
class BadConfigurationTest extends SparkTestBase {
  private static final Configuration CONF = new Configuration();
  private static final String SECRET = "SECRET-MARKER-OUTSIDE-5e2b";

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
      case "examples" -> "issue-examples.tsv";
      default -> throw new IllegalArgumentException(kind);
    };
    Path file = corpus.resolve(rel);
    if (kind.equals("examples")) {
      content = content.replace("\\t", "\t");
    }
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
        case "examples" -> IssueClassifier.examples(file.toString(), CONF, Taxonomy.shipped());
        default -> throw new IllegalArgumentException(kind);
      }
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # kind | fault | content | expected after the file name
      manifest | empty file | `` | : no 'path' column in the header line (found: )
      manifest | binary | <binary> | line 1 is not UTF-8 text (byte 0x93): save the file as UTF-8
      manifest | unclosed quote | path,forum\\na.txt,igf\\n"b.txt,igf\\n | line 3: a quoted cell is not closed
      manifest | ragged row | path,forum\\na.txt\\n | line 2: 1 cells where the header has 2
      manifest | path listed twice | path,year\\na.txt,2023\\n./a.txt,2024\\n | line 3: path 'a.txt' is already listed
      manifest | empty path cell | path,forum\\n,igf\\n | line 2: the path cell is empty
      people | empty file | `` | : the header line lacks column(s) name
      people | binary | <binary> | line 1 is not UTF-8 text (byte 0x93): save the file as UTF-8
      people | unclosed quote | <header>\\nAna Perez,,,,,,,,,\\n"Bo Li,,,,,,,,,\\n | line 3: a quoted cell is not closed
      people | ragged row | <header>\\nAna Perez,UN\\n | line 2: 2 cells where the header has 10
      people | bad group | <header>\\nAna Perez,,,media,,,,,,\\n | line 2: stakeholder_group 'media' is not one of
      attendance | binary | <binary> | line 1 is not UTF-8 text (byte 0x93): save the file as UTF-8
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
      examples | empty file | `` | line 1: expected the header id\\ttext\\texpected\\tnote
      examples | ragged row | id\\ttext\\texpected\\tnote\\nx1\\tA mast at last.\\n | line 2: 2 cells, expected 4
      examples | unknown issue | id\\ttext\\texpected\\tnote\\nx1\\tA mast.\\tacces\\t\\n | line 2: unknown issue id 'acces'
      """)
  void aFaultyFileIsOneLineNamingFileLineAndFault(String kind, String fault, String content, String expected)
      throws IOException {
    Path file = write(kind, content);
    UserException e = Assertions.assertThrows(UserException.class, () -> loader(kind).accept(file), kind + ": " + fault);
    String message = e.getMessage();
    Assertions.assertEquals(1, message.lines().count(), "one line: " + message);
    Assertions.assertTrue(message.startsWith(file.toString()), "names the file first: " + message);
    Assertions.assertTrue(message.contains(expected.strip()), "expected '" + expected.strip() + "' in: " + message);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"manifest", "people"})
  void aByteOrderMarkIsNoPartOfTheFirstColumnsName(String kind) throws IOException {
    // Excel's "CSV UTF-8" starts the file with one.
    Path file = write(kind, kind.equals("manifest") ? "<bom>path,forum\\na.txt,igf\\n"
        : "<bom><header>\\nAna Perez,,,academia,,,,,,\\n");
    loader(kind).accept(file);
    if (kind.equals("manifest")) {
      Assertions.assertEquals(java.util.Set.of("a.txt"),
          IngestJob.readManifest(new org.apache.hadoop.fs.Path(file.toString()), CONF, true).entries().keySet());
    } else {
      Assertions.assertEquals(1, ResolveJob.registry(corpus.toString(), CONF).size());
    }
  }

  /** A fault in a corpus registry table stops a run before ingest, as a faulty rubric does, not after it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      people | <header>\\nAna Perez,,,media,,,,,,\\n | line 2: stakeholder_group 'media' is not one of
      attendance | <header>\\nigf,2023,registrants,gender,Female,0.4,share,,\\n | line 2: category 'Female' is not an id
      process-events | <header>\\nigf,2023,2023-10-08,8 Oct,,,,,,\\n | line 2: event_end '8 Oct' is not a date
      overrides | <header>\\np999,2023,implemented,A. B.,\\n | line 2: recommendation 'p999'
      """)
  void aFaultyRegistryTableStopsTheRunBeforeIngest(String kind, String content, String expected) throws IOException {
    Path file = write(kind, content);
    Files.writeString(corpus.resolve("igf-2023-notes.txt"), "Notes of a session on access.\n");
    Path out = corpus.resolveSibling(corpus.getFileName() + "-out");
    var run = org.opennessobservatory.testing.CliRunner.observatory("run", "--corpus", corpus.toString(), "--out",
        out.toString(), "--quiet");
    Assertions.assertEquals(Observatory.USAGE, run.exit(), run.out() + run.err());
    Assertions.assertTrue(run.err().contains(file + " " + expected.strip()), run.err());
    Assertions.assertFalse(Files.exists(out.resolve("documents")), "no stage ran");
  }

  /**
   * Manifest rows whose fault concerns one file or row: fault | the row ({@code <target>} for a file of its own,
   * {@code <dir>} for the absolute path of a folder beside the corpus holding a secret and a named pipe) | rel_path of
   * its reject | reason | start of the message after "manifest.csv line N: " ({@code <missing>} and
   * {@code <outside>} for the two explanations of a row without a file).
   */
  private static final String ROW_FAULTS = """
      unknown forum level | <target>,igf,continental,2023,,,, | <target> | manifest_invalid | forum_level 'continental' is not one of global,
      unknown doc type | <target>,igf,global,2023,minutes,,, | <target> | manifest_invalid | doc_type 'minutes' is not one of agenda,
      unknown stakeholder group | <target>,igf,,,,,,media | <target> | manifest_invalid | author_stakeholder_group 'media' is not one of
      bad year | <target>,igf,global,23,,,, | <target> | manifest_invalid | year '23' is not a year between 1990 and 2100
      bad date | <target>,igf,,,,2023-02-30,, | <target> | manifest_invalid | date '2023-02-30' is not a date as yyyy-MM-dd
      bad publication date | <target>,,,,,,8 Oct 2023, | <target> | manifest_invalid | published_on '8 Oct 2023' is not a date
      missing file | igf/2023/gone.txt,igf,global,2023,,,, | igf/2023/gone.txt | manifest_file_missing | path 'igf/2023/gone.txt' <missing>
      missing file, bad year | igf/2023/gone-2.txt,,,20,,,, | igf/2023/gone-2.txt | manifest_file_missing | path 'igf/2023/gone-2.txt' <missing>; the row is also faulty: year '20'
      parent folder | ../outside/secret.txt,igf,,,,,, | ../outside/secret.txt | outside_corpus | path '../outside/secret.txt' <outside>
      parent folder, a pipe | ../outside/pipe,igf,,,,,, | ../outside/pipe | outside_corpus | path '../outside/pipe' <outside>
      parent in the path | igf/../../outside/secret.txt,,,,,,, | igf/../../outside/secret.txt | outside_corpus | path 'igf/../../outside/secret.txt' <outside>
      absolute path | <dir>/secret.txt,igf,,,,,, | <dir>/secret.txt | outside_corpus | path '<dir>/secret.txt' <outside>
      absolute path, a pipe | <dir>/pipe,igf,,,,,, | <dir>/pipe | outside_corpus | path '<dir>/pipe' <outside>
      drive letter | C:\\secret.txt,igf,,,,,, | C:/secret.txt | outside_corpus | path 'C:/secret.txt' <outside>
      """;

  /**
   * One tiny corpus holding every row of {@link #ROW_FAULTS}, after a valid row, and a file the manifest does not
   * list, through the ingest job (one run: each costs seconds): every file and every row end as exactly the rows
   * expected, the run goes on, and nothing outside the corpus is read (opening the pipe would block the run for
   * ever).
   */
  @Test
  void aFaultyManifestRowIsARejectWithItsReasonAndTheRunGoesOn() throws Exception {
    Path root = Files.createDirectories(corpus.resolve("corpus/igf/2023")).getParent().getParent();
    Path outside = Files.createDirectories(corpus.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
    Assertions.assertEquals(0, new ProcessBuilder("mkfifo", outside.resolve("pipe").toString()).start().waitFor());
    Files.writeString(root.resolve("igf/2023/good.txt"), "Minutes of the open consultation on the programme.\n");
    Files.writeString(root.resolve("igf/2023/unlisted.txt"), "Notes of the open microphone session.\n");
    Map<String, String> expected = new TreeMap<>(Map.of("igf/2023/good.txt", "document",
        "igf/2023/unlisted.txt", "document"));
    Map<String, String> expectedMessage = new TreeMap<>();
    StringBuilder manifest = new StringBuilder("path,forum,forum_level,year,doc_type,date,published_on,"
        + "author_stakeholder_group\nigf/2023/good.txt,igf,global,2023,session_report,2023-10-09,,\n");
    List<String[]> cases = ROW_FAULTS.lines().map(l -> l.split("\\s*\\|\\s*")).toList();
    for (int i = 0; i < cases.size(); i++) {
      String[] c = cases.get(i);
      String target = "igf/2023/case-" + i + ".txt";
      if (c[1].contains("<target>")) {
        Files.writeString(root.resolve(target), "Notes of session " + i + ".\n");
      }
      manifest.append(c[1].replace("<target>", target).replace("<dir>", outside.toString())).append('\n');
      String rel = c[2].replace("<target>", target).replace("<dir>", outside.toString());
      Assertions.assertNull(expected.put(rel, c[3]), c[0] + ": a path of its own");
      expectedMessage.put(rel, "line " + (i + 3) + ": " + c[4].replace("<dir>", outside.toString())
          .replace("<missing>", "names no file under the corpus root").replace("<outside>", "leads outside the "
              + "corpus root (absolute, a drive or URI, or a '..' segment): never read"));
    }
    Files.writeString(root.resolve("manifest.csv"), manifest);

    IngestSummary summary = IngestJob.run(spark(), root.toString(), null, ParseLimits.DEFAULTS,
        new DatasetWriter(spark(), corpus.resolve("out").toString()));

    Map<String, String> outcome = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (Row r : spark().read().parquet(corpus.resolve("out/documents").toString()).select("rel_path", "text")
        .collectAsList()) {
      Assertions.assertNull(outcome.put(r.getString(0), "document"), r.getString(0));
      Assertions.assertFalse(r.getString(1).contains(SECRET), r.getString(0) + ": the secret was read");
    }
    for (Row r : spark().read().parquet(corpus.resolve("out/rejects").toString())
        .select("rel_path", "reason", "message", "size_bytes", "path").collectAsList()) {
      String rel = r.getString(0);
      Assertions.assertNull(outcome.put(rel, r.getString(1)), rel);
      String start = summary.manifest() + " " + expectedMessage.get(rel);
      if (!r.getString(2).startsWith(start)) {
        wrong.add(rel + ": expected '" + start + "…', got '" + r.getString(2) + "'");
      }
      Assertions.assertFalse(r.getString(2).contains(SECRET), rel + ": the secret was read");
      if (!r.getString(1).equals("manifest_invalid")
          && !(r.getLong(3) == 0 && r.getString(4).equals(CorpusPaths.join(summary.corpus(), rel)))) {
        wrong.add(rel + ": a row without a file has size 0 and the root and its path joined as text, not "
            + r.getLong(3) + " and " + r.getString(4));
      }
    }
    Assertions.assertEquals(expected, outcome, "every file and every row, once, with its reason; nothing else");
    Assertions.assertEquals(List.of(), wrong);

    long targets = cases.stream().filter(c -> c[1].contains("<target>")).count();
    Assertions.assertEquals(2 + targets, summary.files());
    Assertions.assertEquals(cases.size() - targets, summary.manifestRowsWithoutFile());
    Assertions.assertEquals(targets + 1, summary.manifestRowsInvalid(), "the faulty rows, one without a file");
    Assertions.assertEquals(summary.files() + summary.manifestRowsWithoutFile(),
        summary.documents() + summary.rejects(), "listed files + manifest rows without a file = documents + rejects");
  }
}
