package org.opennessobservatory.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * The demo's speakers against the cast as data-samples/README.md states it ("Who speaks in each transcript"): per
 * transcript, its turns, the turns that name nobody and the persons who speak. The table is read from the README, so
 * that what the samples promise and what this test holds the pipeline to cannot drift apart.
 */
class SampleCastTest extends SparkTestBase {
  private static final String HEADER = "| transcript | turns | turns naming nobody | speakers |";

  @Test
  void everyTranscriptHasTheSpeakersTheSamplesReadmeNames() throws IOException {
    var demo = DemoRun.run();
    assertEquals(0, demo.exit(), demo.err());
    Map<String, String> expected = castTable(TestPaths.samples().resolveSibling("README.md"));
    assertEquals(12, expected.size(), "one row per transcript of the samples: " + expected.keySet());

    Path out = DemoRun.out();
    Dataset<Row> documents = spark().read().parquet(out.resolve("documents").toString());
    Dataset<Row> speakers = spark().read().parquet(out.resolve("speakers").toString());
    List<Row> turns = spark().read().parquet(out.resolve("utterances").toString())
        .join(documents.select("doc_id", "rel_path"), "doc_id")
        .join(speakers.select("person_id", "display_name"), new String[] {"person_id"}, "left")
        .select(col("rel_path"), col("display_name")).collectAsList();
    Map<String, List<String>> names = new TreeMap<>();
    for (Row r : turns) {
      names.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    Map<String, String> actual = new TreeMap<>();
    names.forEach((path, people) -> actual.put(path, row(people)));
    assertEquals(new TreeMap<>(expected), actual);
    assertEquals(documents.filter(col("doc_type").equalTo("transcript")).count(), actual.size());
  }

  /** "turns | turns naming nobody | speakers" of one transcript, speakers sorted: the README row's cells. */
  private static String row(List<String> people) {
    long nobody = people.stream().filter(p -> p == null).count();
    TreeSet<String> named = new TreeSet<>(people.stream().filter(p -> p != null).toList());
    return people.size() + " | " + nobody + " | " + String.join(", ", named);
  }

  /** The README's table, per transcript path: its three other cells, speakers sorted. */
  private static Map<String, String> castTable(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int header = lines.indexOf(HEADER);
    if (header < 0) {
      throw new AssertionError(readme + " has no table headed " + HEADER);
    }
    Map<String, String> table = new TreeMap<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
      table.put(cells[1].replace("`", ""), cells[2] + " | " + cells[3] + " | "
          + String.join(", ", new TreeSet<>(List.of(cells[4].split(", ")))));
    }
    return table;
  }
}
