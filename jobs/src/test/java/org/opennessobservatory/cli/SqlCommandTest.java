package org.opennessobservatory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.codebook.Codebook;
import org.opennessobservatory.codebook.DatasetCatalogue;
import org.opennessobservatory.query.OutputViews;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * {@code observatory sql} on the shared demo output: results checked against the Parquet read directly and against
 * figures known from data-samples; the README's queries run both as Spark SQL and in DuckDB, with the same rows.
 */
class SqlCommandTest extends SparkTestBase {
  private static String out() {
    return DemoRun.out().toString();
  }

  @Test
  void documentsByTypeAreWhatTheParquetHolds() {
    CliRunner.Run run = CliRunner.observatory("sql",
        "SELECT doc_type, count(*) AS n FROM documents GROUP BY doc_type ORDER BY doc_type", "--out", out());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("doc_type", "n"), List.of(lines.get(0).trim().split("\\s+")));
    Map<String, Long> printed = new TreeMap<>();
    for (String line : lines.subList(2, lines.size() - 1)) {
      String[] cells = line.trim().split("\\s+");
      printed.put(cells[0], Long.parseLong(cells[1]));
    }
    Map<String, Long> direct = new TreeMap<>();
    for (Row r : spark().read().parquet(DemoRun.out().resolve("documents").toString()).groupBy("doc_type").count()
        .collectAsList()) {
      direct.put(r.getString(0), r.getLong(1));
    }
    assertEquals(direct, printed);
    assertEquals(65, printed.values().stream().mapToLong(Long::longValue).sum(), "the demo's 65 documents");
    assertEquals("(" + printed.size() + " rows)", lines.get(lines.size() - 1));
  }

  @Test
  void theConsoleShowsAtMostLimitRowsAndSaysWhenMoreFollow() {
    CliRunner.Run run = CliRunner.observatory("sql", "SELECT rel_path FROM documents ORDER BY rel_path",
        "--out", out(), "--limit", "5");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(2 + 5 + 1, lines.size(), run.out());
    assertEquals("(first 5 rows; more follow: raise --limit, or write them all with --to FILE.csv)", lines.get(7));
  }

  @Test
  void writesCsvWithAHeader(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rejects.csv");
    CliRunner.Run run = CliRunner.observatory("sql",
        "SELECT reason, count(*) AS files, collect_list(rel_path) AS paths FROM rejects GROUP BY reason "
            + "ORDER BY reason", "--out", out(), "--to", file.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("wrote " + file + "\n", run.out());
    List<CSVRecord> records;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
    // data-samples/README.md: three corrupt files, one empty, one encrypted, one duplicate.
    assertEquals(List.of("corrupt 3", "duplicate 1", "empty 1", "encrypted 1"),
        records.stream().map(r -> r.get("reason") + " " + r.get("files")).toList());
    assertEquals("[igf/2022/igf-2022-ws-notes-empty.txt]", records.get(2).get("paths"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "one file, nothing left of Spark's staging");
    }
  }

  @Test
  void writesParquetThatReadsBackAsTheQuery(@TempDir Path dir) {
    Path file = dir.resolve("per-forum-year.parquet");
    String query = "SELECT forum, year, count(*) AS documents FROM documents GROUP BY forum, year";
    CliRunner.Run run = CliRunner.observatory("sql", query, "--out", out(), "--to", file.toString());
    assertEquals(0, run.exit(), run.err());
    Assertions.assertTrue(Files.isRegularFile(file), file + " is one file");
    List<String> expected = spark().read().parquet(DemoRun.out().resolve("documents").toString())
        .groupBy("forum", "year").count().orderBy("forum", "year").collectAsList().stream().map(Row::toString)
        .toList();
    assertEquals(expected, spark().read().parquet(file.toString()).orderBy("forum", "year").collectAsList().stream()
        .map(Row::toString).toList());
    assertEquals(List.of("forum", "year", "documents"),
        List.of(spark().read().parquet(file.toString()).columns()));
  }

  @Test
  void faultsAreOneLineSayingWhatToFix(@TempDir Path dir) throws IOException {
    CliRunner.Run missing = CliRunner.observatory("sql", "SELECT 1", "--out", dir.resolve("nowhere").toString());
    assertEquals(Observatory.USAGE, missing.exit());
    assertEquals("observatory: --out " + dir.resolve("nowhere") + " does not exist; give the output root of a run "
        + "(e.g. ./output after bin/observatory demo)\n", missing.err());

    CliRunner.Run empty = CliRunner.observatory("sql", "SELECT 1", "--out", dir.toString());
    assertEquals("observatory: --out " + dir + " holds no dataset (no folder with Parquet files); give the output "
        + "root of a run\n", empty.err());

    CliRunner.Run unknown = CliRunner.observatory("sql", "SELECT * FROM document", "--out", out());
    assertEquals(Observatory.USAGE, unknown.exit());
    assertEquals("observatory: table `document` is not a dataset under " + out() + "; available: "
        + String.join(", ", catalogue()) + "\n", unknown.err());

    CliRunner.Run syntax = CliRunner.observatory("sql", "SELEC forum FROM documents", "--out", out());
    assertEquals(Observatory.USAGE, syntax.exit());
    Assertions.assertTrue(syntax.err().startsWith("observatory: SQL: [PARSE_SYNTAX_ERROR] Syntax error at or near"),
        syntax.err());
    assertEquals(1, syntax.err().lines().count(), syntax.err());

    CliRunner.Run column = CliRunner.observatory("sql", "SELECT no_such_column FROM documents", "--out", out());
    Assertions.assertTrue(column.err().startsWith("observatory: SQL: [UNRESOLVED_COLUMN"), column.err());

    CliRunner.Run extension = CliRunner.observatory("sql", "SELECT 1", "--out", out(), "--to", "x.json");
    assertEquals("observatory: --to x.json: name a file ending in .csv or .parquet\n", extension.err());

    Path existing = Files.writeString(dir.resolve("kept.csv"), "mine");
    CliRunner.Run refused = CliRunner.observatory("sql", "SELECT 1", "--out", out(), "--to", existing.toString());
    assertEquals("observatory: --to " + existing + " already exists; remove it or name another file\n",
        refused.err());
    assertEquals("mine", Files.readString(existing));
  }

  @Test
  void everyDatasetOfTheRunIsAViewAndFoldersThatAreNotDatasetsAreNot() {
    assertEquals(catalogue(), OutputViews.register(spark(), out()));
  }

  @Test
  void theCatalogueTellsTheRunsPartitionFolders() throws IOException {
    for (DatasetCatalogue.Dataset d : DatasetCatalogue.load()) {
      List<String> keys = new ArrayList<>();
      Path dir = DemoRun.out().resolve(d.name());
      for (Path sub = firstPartition(dir); sub != null; sub = firstPartition(sub)) {
        keys.add(sub.getFileName().toString().split("=")[0]);
      }
      if (keys.isEmpty() && !d.partitionedBy().isEmpty()) {
        // DatasetWriter writes an empty dataset unpartitioned (a partitioned write of nothing leaves no file).
        assertEquals(0, spark().read().parquet(dir.toString()).count(), d.name() + " has rows but no partitions");
      } else {
        assertEquals(d.partitionedBy(), keys, d.name());
      }
    }
  }

  @Test
  void theRunWritesTheCodebookAndEndsWithTheSummaryTable() throws IOException {
    assertEquals(Codebook.generate().get(0),
        Files.readString(DemoRun.out().resolve("codebook").resolve(Codebook.MARKDOWN)));
    Assertions.assertTrue(Files.isRegularFile(DemoRun.out().resolve("codebook").resolve(Codebook.HTML)));
    String console = DemoRun.run().out();
    String table = console.substring(console.indexOf("run summary\n"));
    Assertions.assertTrue(table.matches("(?s)run summary\ndataset +rows\n.*\ndocuments +65\nrejects +6\n.*"), table);
    Assertions.assertTrue(table.matches("(?s).*\nrejected as +files\n-+ +-+\ncorrupt +3\nduplicate +1\nempty +1\n"
        + "encrypted +1\n.*"), table);
    Assertions.assertTrue(table.matches("(?s).*\nstage +seconds\n-+ +-+\ningest +[0-9.]+\n.*\ninfluence +[0-9.]+\n"
        + "report +[0-9.]+\ntotal +[0-9.]+\n"), table);
  }

  /** Every query of the README's "Querying the outputs" gives the same rows in Spark SQL and in DuckDB. */
  @Test
  void theReadmeQueriesGiveTheSameRowsInSparkAndDuckDb() throws IOException, SQLException {
    String readme = Files.readString(TestPaths.repo().resolve("README.md"));
    String section = readme.substring(readme.indexOf("#### Querying the outputs"),
        readme.indexOf("### 4. Transcripts"));
    List<String> sparkQueries = new ArrayList<>();
    Matcher sh = Pattern.compile("bin/observatory sql \"([^\"]+)\" --out output").matcher(section);
    while (sh.find()) {
      sparkQueries.add(sh.group(1));
    }
    List<String> duckQueries = new ArrayList<>();
    Matcher sql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (sql.find()) {
      duckQueries.add(sql.group(1).replace("'output/", "'" + out() + "/").replace(";", ""));
    }
    assertEquals(4, sparkQueries.size(), section);
    assertEquals(sparkQueries.size(), duckQueries.size(), "one DuckDB form per query");
    OutputViews.register(spark(), out());
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      for (int q = 0; q < sparkQueries.size(); q++) {
        List<List<String>> fromSpark = spark().sql(sparkQueries.get(q)).collectAsList().stream()
            .map(r -> normalised(r.length(), r::get)).toList();
        List<List<String>> fromDuck = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(duckQueries.get(q))) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            fromDuck.add(normalised(n, i -> {
              try {
                return rs.getObject(i + 1);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }));
          }
        }
        Assertions.assertFalse(fromSpark.isEmpty(), sparkQueries.get(q));
        assertEquals(fromSpark, fromDuck, sparkQueries.get(q));
      }
    }
  }

  /** Values compared across engines: numbers by value (Spark's int year is DuckDB's bigint), the rest as text. */
  private static List<String> normalised(int n, java.util.function.IntFunction<Object> value) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object v = value.apply(i);
      row.add(v instanceof Number num ? new BigDecimal(num.toString()).stripTrailingZeros().toPlainString()
          : String.valueOf(v));
    }
    return row;
  }

  private static List<String> catalogue() {
    return DatasetCatalogue.load().stream().map(DatasetCatalogue.Dataset::name).sorted().toList();
  }

  /** The first key=value folder inside {@code dir}, or null when the files sit directly in it. */
  private static Path firstPartition(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(p -> Files.isDirectory(p) && p.getFileName().toString().contains("=")).sorted()
          .findFirst().orElse(null);
    }
  }
}
