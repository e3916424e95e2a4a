package org.opennessobservatory.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.NameScan;
import org.opennessobservatory.query.OutputComparison;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * Pseudonymisation of a copy of the shared demo run's datasets (placed where a pseudonymised run's stages write
 * them): afterwards no value of any column of any dataset holds a name or alias of the registry (in any case),
 * person ids are keyed hashes that still join, and the key table is written where asked. A whole pseudonymised run
 * through the command line is tested in CrashSafetyTest.
 */
class PseudonymiseJobTest extends SparkTestBase {
  private static final byte[] KEY = "test key, not a secret: 32 bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void noRegistryNameOrAliasIsLeftInAnyOutput(@TempDir Path dir) throws Exception {
    // The demo's datasets where a pseudonymised run's stages leave them, out of the output root's sight.
    Path out = dir.resolve("out");
    Path plain = Path.of(PseudonymiseJob.plainRoot(out.toString()));
    try (Stream<Path> paths = Files.walk(DemoRun.out())) {
      for (Path p : paths.toList()) {
        Path target = plain.resolve(DemoRun.out().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    List<String> names = NameScan.registryNames();
    Assertions.assertTrue(NameScan.inDatasets(spark(), plain, names).size() > 5,
        "the demo names persons in many datasets before");
    // Speakers called to the floor by a form of address and their surname (igf 2022 OF31, igf 2024 consultation).
    List<String> addressed = List.of("Mr Mendoza", "Professor Mensah", "Ms. Petrović", "Mr. Tanaka", "Ms. Mwangi");
    assertEquals(addressed.size(), NameScan.inDataset(spark(), plain, "utterances", addressed).size(),
        "each in the demo's turns before");
    List<String> original = spark().read().parquet(plain.resolve("speakers").toString()).select("person_id")
        .as(Encoders.STRING()).collectAsList();

    Path table = dir.resolve("keys.csv");
    PseudonymiseJob.Summary summary = PseudonymiseJob.run(spark(), TestPaths.samples().toString(), plain.toString(),
        out.toString(), KEY, table.toString(), new DatasetWriter(spark(), out.toString()));

    assertEquals(List.of(), NameScan.inDatasets(spark(), out, names));
    assertEquals(List.of(), NameScan.inDatasets(spark(), out, addressed));
    Assertions.assertFalse(Files.exists(out.resolve(DatasetWriter.STAGING)), "the plain datasets are gone");
    assertEquals(17, OutputComparison.datasets(out).size());
    assertEquals(OutputComparison.datasets(out), summary.datasets().stream().sorted().toList(), "every dataset");
    Dataset<Row> speakers = spark().read().parquet(out.resolve("speakers").toString());
    List<String> pseudonymous = speakers.select("person_id").as(Encoders.STRING()).collectAsList();
    assertEquals(28, pseudonymous.size());
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    assertEquals(original.stream().map(pseudonyms::id).sorted().toList(), pseudonymous.stream().sorted().toList());
    assertEquals(0, spark().read().parquet(out.resolve("utterances").toString())
        .filter(col("person_id").isNotNull()).join(speakers, "person_id", "left_anti").count(),
        "utterances still join speakers");
    assertEquals(28, speakers.filter(col("display_name").startsWith("Person-")).select("display_name").distinct()
        .count(), "a pseudonymous name for each person");

    List<CSVRecord> keys = CSVFormat.DEFAULT.builder().setHeader().get()
        .parse(Files.newBufferedReader(table)).getRecords();
    assertEquals(PseudonymiseJob.KEY_TABLE_HEADER, String.join(",", keys.get(0).getParser().getHeaderNames()));
    Set<String> keyed = new HashSet<>();
    keys.forEach(k -> keyed.add(k.get("pseudonym_id")));
    Assertions.assertTrue(keyed.containsAll(pseudonymous), "every pseudonym is in the key table");
    Assertions.assertTrue(keys.stream().anyMatch(k -> k.get("names").contains("Lukas Brenner")));
  }
}
