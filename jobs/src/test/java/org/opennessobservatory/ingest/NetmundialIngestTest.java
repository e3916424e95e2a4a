package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * The real NETmundial 2014 contributions (read in place from ../shared/data, never copied): imported, then
 * ingested with nothing lost and the legacy 8-bit text decoded.
 */
class NetmundialIngestTest extends SparkTestBase {
  @TempDir
  Path tmp;

  @Test
  void everyFileIsAccountedForAndContributionsPerGroupComeOut() throws Exception {
    Path source = TestPaths.netmundial();
    Assumptions.assumeTrue(Files.isDirectory(source), "the real NETmundial data is not beside this checkout ("
        + source + "); it is third-party data that the repository must not hold");
    long files;
    try (var listing = Files.list(source)) {
      files = listing.count();
    }
    Path manifest = tmp.resolve("netmundial-manifest.csv");
    assertEquals(0, CliRunner.observatory("import-netmundial", "--source", source.toString(),
        "--manifest", manifest.toString()).exit());
    Path out = tmp.resolve("out");
    var run = CliRunner.observatory("ingest", "--corpus", source.toString(), "--manifest",
        manifest.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());

    Dataset<Row> documents = spark().read().parquet(out.resolve("documents").toString());
    Dataset<Row> rejects = spark().read().parquet(out.resolve("rejects").toString());
    assertEquals(files, documents.count() + rejects.count(), "every file is a document or a reject");
    assertEquals(375, files, "187 cover sheets, 187 full texts and the folder's README");
    assertEquals(0, rejects.count(), () -> "rejects: " + rejects.collectAsList());

    Map<String, Long> perGroup = new TreeMap<>();
    documents.filter(col("doc_type").equalTo("contribution")).groupBy("author_stakeholder_group").count()
        .collectAsList().forEach(r -> perGroup.put(r.getString(0), r.getLong(1)));
    assertEquals(Map.of("civil_society", 59L, "private_sector", 43L, "government", 28L, "academia", 21L,
        "other", 20L, "technical_community", 16L), perGroup);

    // Windows-1252 punctuation (0x91-0x97) decodes to typographic characters, not C1 controls or U+FFFD.
    assertEquals(0, documents.filter(col("text").rlike("[\\x{80}-\\x{9F}\\x{FFFD}]")).count());
    Assertions.assertTrue(documents.filter(col("text").rlike("[\u2018\u2019\u201c\u201d\u2013\u2014\u2026]"))
        .count() > 10, "typographic punctuation survives in the texts that use it");
    assertEquals(375, documents.filter(col("forum").equalTo("netmundial").or(col("rel_path").equalTo("README.md")))
        .count());
  }
}
