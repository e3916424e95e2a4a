package org.opennessobservatory.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.opennessobservatory.testing.CliRunner.observatory;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.CliRunner.Run;
import org.opennessobservatory.testing.FixtureCorpus;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * Golden test of {@code observatory ingest} on the fixture corpus: the outputs equal the expected files in
 * src/test/resources/golden/ingest, conform to their schema files, account for every input, and come out the same
 * on a second run.
 */
class IngestCommandTest extends SparkTestBase {
  static final StructType DOCUMENT_COLUMNS = new StructType()
      .add("rel_path", DataTypes.StringType).add("media_type", DataTypes.StringType)
      .add("doc_type", DataTypes.StringType).add("forum", DataTypes.StringType)
      .add("forum_level", DataTypes.StringType).add("year", DataTypes.IntegerType)
      .add("words", DataTypes.LongType).add("language", DataTypes.StringType)
      .add("metadata_source", DataTypes.StringType).add("inferred_fields", DataTypes.StringType);
  static final StructType REJECT_COLUMNS = new StructType()
      .add("rel_path", DataTypes.StringType).add("reason", DataTypes.StringType)
      .add("duplicate_of", DataTypes.StringType).add("forum", DataTypes.StringType)
      .add("year", DataTypes.IntegerType);

  @TempDir
  Path tmp;

  private Dataset<Row> golden(String name, StructType schema) {
    return spark().read().option("sep", "\t").option("header", "true").option("nullValue", "")
        .schema(schema).csv(TestPaths.repo().resolve("jobs/src/test/resources/golden/ingest/" + name).toString());
  }

  /** With -Dgolden.rewrite=true the expected files are rewritten from this run: review their diff before committing. */
  private static void writeGolden(String name, Dataset<Row> actual) throws java.io.IOException {
    StringBuilder tsv = new StringBuilder(String.join("\t", actual.columns())).append('\n');
    for (Row r : actual.collectAsList()) {
      for (int i = 0; i < r.size(); i++) {
        tsv.append(i == 0 ? "" : "\t").append(r.isNullAt(i) ? "" : r.get(i).toString());
      }
      tsv.append('\n');
    }
    Files.writeString(TestPaths.repo().resolve("jobs/src/test/resources/golden/ingest/" + name), tsv);
  }

  private Dataset<Row> documentColumns(Path out) {
    Dataset<Row> columns = spark().read().parquet(out.resolve("documents").toString())
        .withColumn("inferred_fields", concat_ws(",", col("inferred_fields")))
        .select(columns(DOCUMENT_COLUMNS)).orderBy("rel_path");
    return spark().createDataFrame(columns.collectAsList(), DOCUMENT_COLUMNS);
  }

  private Dataset<Row> rejectColumns(Path out) {
    Dataset<Row> columns = spark().read().parquet(out.resolve("rejects").toString())
        .select(columns(REJECT_COLUMNS)).orderBy("rel_path");
    return spark().createDataFrame(columns.collectAsList(), REJECT_COLUMNS);
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new);
  }

  @Test
  void ingestsTheFixtureCorpusAsTheGoldenFilesSay() throws Exception {
    Path corpus = FixtureCorpus.write(tmp.resolve("corpus"));
    Path out = tmp.resolve("out");
    Run run = observatory("ingest", "--corpus", corpus.toString(), "--out", out.toString(), "--parse-timeout", "8");
    assertEquals(0, run.exit(), run.err());
    Assertions.assertTrue(run.out().contains("ingest: 16 files"), run.out() + " / " + run.err());

    if (Boolean.getBoolean("golden.rewrite")) {
      writeGolden("documents.tsv", documentColumns(out));
      writeGolden("rejects.tsv", rejectColumns(out));
    }
    assertDataFrameEquals(golden("documents.tsv", DOCUMENT_COLUMNS), documentColumns(out));
    assertDataFrameEquals(golden("rejects.tsv", REJECT_COLUMNS), rejectColumns(out));

    // The files conform to their schema files: names, types, and descriptions carried as column metadata.
    for (String dataset : List.of("documents", "rejects")) {
      StructType written = spark().read().parquet(out.resolve(dataset).toString()).schema();
      StructType contract = Schemas.load(dataset);
      assertEquals(List.of(contract.fieldNames()), List.of(written.fieldNames()), dataset);
      for (var field : contract.fields()) {
        assertEquals(field.dataType().catalogString(), written.apply(field.name()).dataType().catalogString(),
            dataset + "." + field.name());
        if (!List.of("forum", "year").contains(field.name())) { // partition values live in folder names
          assertEquals(field.metadata().getString("description"),
              written.apply(field.name()).metadata().getString("description"), dataset + "." + field.name());
        }
      }
    }
    String runJson = Files.readString(out.resolve("_run.json"));
    Assertions.assertTrue(runJson.contains("\"files\" : 16"), runJson);

    // Ingest alone ends with a report too: each of the seven charts says which dataset the run did not make.
    Assertions.assertTrue(run.out().contains("report: 0 charts drawn, 7 without data"), run.out());
    String report = Files.readString(out.resolve("report/index.html"));
    Assertions.assertTrue(report.contains("Nothing to show: <code>openness_index</code> is not in this run's output"),
        report);
    Assertions.assertTrue(report.contains("<code>" + runJson.replaceAll("(?s).*\"run_id\" : \"([^\"]+)\".*", "$1")
        + "</code>"), "the report shows this run's manifest");
    Assertions.assertTrue(runJson.contains("\"fingerprint_sha256\" : \""), runJson);

    // Same corpus, same rows: every column of both datasets, not only the golden ones — also when the parses come
    // from the store of an earlier incremental run (every document, and the duplicate of one, parsed before).
    Path again = tmp.resolve("again");
    for (int round = 0; round < 2; round++) {
      Run incremental = observatory("ingest", "--incremental", "--corpus", corpus.toString(), "--out",
          again.toString(), "--parse-timeout", "8");
      assertEquals(0, incremental.exit(), incremental.err());
      long parsed = spark().read().parquet(out.resolve("documents").toString()).count()
          + spark().read().parquet(out.resolve("rejects").toString()).filter("reason = 'duplicate'").count();
      assertEquals(round == 1, incremental.out().contains("; " + parsed + " documents unchanged since an earlier "
          + "run, their parse reused"), incremental.out());
    }
    for (String dataset : List.of("documents", "rejects")) {
      Dataset<Row> first = spark().read().parquet(out.resolve(dataset).toString()).drop("path").orderBy("rel_path");
      Dataset<Row> second = spark().read().parquet(again.resolve(dataset).toString()).drop("path")
          .orderBy("rel_path");
      assertDataFrameEquals(plain(first), plain(second));
    }
  }

  @Test
  void userErrorsAreOneLineWithExitCodeTwo() throws Exception {
    Run missing = observatory("ingest", "--corpus", tmp.resolve("nowhere").toString(), "--out",
        tmp.resolve("o").toString());
    assertEquals(2, missing.exit());
    assertEquals("observatory: --corpus " + tmp.resolve("nowhere") + " does not exist; give the folder that holds "
        + "the documents\n", missing.err());

    Path corpus = Files.createDirectories(tmp.resolve("c"));
    // A fault of the whole manifest stops the run (a faulty value only rejects its file: BadConfigurationTest).
    Files.writeString(corpus.resolve("manifest.csv"), "path,year\na.txt,2023\n./a.txt,twenty\n");
    Files.writeString(corpus.resolve("a.txt"), "text");
    Run badManifest = observatory("ingest", "--corpus", corpus.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, badManifest.exit());
    Assertions.assertTrue(badManifest.err().matches("observatory: .*manifest.csv line 3: path 'a.txt' is already "
        + "listed on line 2\n"), badManifest.err());

    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "someone's file");
    Run exists = observatory("ingest", "--corpus", corpus.toString(), "--out", used.toString());
    assertEquals(2, exists.exit());
    assertEquals("observatory: --out " + used + " already holds files; pass --overwrite to replace its datasets, "
        + "or choose another folder\n", exists.err());

    Run inside = observatory("ingest", "--corpus", corpus.toString(), "--out", corpus.resolve("out").toString());
    assertEquals(2, inside.exit());
    assertEquals("observatory: --out " + corpus.resolve("out") + " is inside --corpus " + corpus + ", whose every file "
        + "the next run would read as a document; choose a folder outside the corpus\n", inside.err());
    assertFalse(Files.exists(corpus.resolve("out")), "nothing written");
    Run store = observatory("ingest", "--corpus", corpus.toString(), "--out", tmp.resolve("o").toString(),
        "--incremental", "--incremental-store", corpus.resolve("store").toString());
    assertEquals(2, store.exit());
    assertEquals("observatory: --incremental-store " + corpus.resolve("store") + " is inside --corpus " + corpus
        + ", whose every file the next run would read as a document; choose a folder outside the corpus\n",
        store.err());

    Files.write(corpus.resolve("manifest.csv"), "path,year\nSesi\u00f3n.txt,2023\n".getBytes("windows-1252"));
    Run cp1252 = observatory("ingest", "--corpus", corpus.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, cp1252.exit());
    Assertions.assertTrue(cp1252.err().matches("observatory: .*manifest.csv line 2 is not UTF-8 text \\(byte 0xF3\\): "
        + "save the file as UTF-8 \\(in a spreadsheet, \"CSV UTF-8\"\\)\n"), cp1252.err());

    assertEquals(2, observatory("ingest", "--corpus", corpus.toString()).exit(), "--out is required");
    assertEquals(2, observatory("ingest", "--corpus", "c", "--out", "o", "--max-chars", "many").exit());
  }

  @Test
  void helpAndVersionNeedNoSpark() {
    Run version = observatory("--version");
    assertEquals(0, version.exit());
    Assertions.assertTrue(version.out().startsWith("observatory 0.1.0"), version.out());
    Assertions.assertTrue(version.out().contains("Spark 4.2.0, Tika 3.3.1, OpenNLP 2.5.11 (models 1.3.0)"));
    for (String command : List.of("ingest", "run", "demo", "import-netmundial")) {
      Run help = observatory(command, "--help");
      assertEquals(0, help.exit(), command);
      Assertions.assertTrue(help.out().contains("Usage: observatory " + command), help.out());
    }
    Assertions.assertTrue(observatory("ingest", "--help").out().contains("--parse-timeout=SECONDS"));
  }
}
