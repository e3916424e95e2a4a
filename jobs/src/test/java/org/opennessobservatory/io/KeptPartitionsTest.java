package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.SparkTestBase;

/**
 * Forum-year partitions taken over from the run before: which ones (same config, same input rows, files in place),
 * and that the dataset written with them holds the same rows as one written whole.
 */
class KeptPartitionsTest extends SparkTestBase {
  private static final StructType INPUT = new StructType().add("doc_id", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType);
  private static final String DATASET = "rejects";

  private Dataset<Row> rows(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark().createDataFrame(list, INPUT);
  }

  private static Object[] row(String doc, String text, String forum, Integer year) {
    return new Object[] {doc, text, forum, year};
  }

  @Test
  void aForumYearsFingerprintChangesWithAnyRowButNotWithTheirOrder() {
    Map<KeptPartitions.Key, String> before = KeptPartitions.fingerprints(rows(row("a", "x", "igf", 2020),
        row("b", "y", "igf", 2020), row("c", "z", "eurodig", null)));
    Map<KeptPartitions.Key, String> reordered = KeptPartitions.fingerprints(rows(row("c", "z", "eurodig", null),
        row("b", "y", "igf", 2020), row("a", "x", "igf", 2020)));
    assertEquals(before, reordered);
    assertEquals(Set.of(new KeptPartitions.Key("igf", 2020), new KeptPartitions.Key("eurodig", null)),
        before.keySet());
    KeptPartitions.Key igf = new KeptPartitions.Key("igf", 2020);
    KeptPartitions.Key eurodig = new KeptPartitions.Key("eurodig", null);
    Map<KeptPartitions.Key, String> edited = KeptPartitions.fingerprints(rows(row("a", "x", "igf", 2020),
        row("b", "y!", "igf", 2020), row("c", "z", "eurodig", null)));
    assertNotEquals(before.get(igf), edited.get(igf));
    assertEquals(before.get(eurodig), edited.get(eurodig));
    Map<KeptPartitions.Key, String> twice = KeptPartitions.fingerprints(rows(row("a", "x", "igf", 2020),
        row("b", "y", "igf", 2020), row("b", "y", "igf", 2020), row("c", "z", "eurodig", null)));
    assertNotEquals(before.get(igf), twice.get(igf), "a row added twice");
    Map<KeptPartitions.Key, String> nullText = KeptPartitions.fingerprints(rows(row("a", null, "igf", 2020),
        row("b", "y", "igf", 2020)));
    assertNotEquals(before.get(igf), nullText.get(igf));
    // Spark's hashes skip nulls: without the null flags, a value moving to the next column would go unseen.
    assertNotEquals(KeptPartitions.fingerprints(rows(row("a", null, "igf", 2020))).get(igf),
        KeptPartitions.fingerprints(rows(row(null, "a", "igf", 2020))).get(igf));
  }

  @Test
  void twoInputsFingerprintedTogetherChangeWithEither() {
    KeptPartitions.Key a = new KeptPartitions.Key("igf", 2020);
    KeptPartitions.Key b = new KeptPartitions.Key("igf", 2021);
    KeptPartitions.Key c = new KeptPartitions.Key("eurodig", null);
    Map<KeptPartitions.Key, String> both = KeptPartitions.combine(Map.of(a, "1:2:3", b, "4:5:6"),
        Map.of(a, "7:8:9", c, "1:1:1"));
    assertEquals(Map.of(a, "1:2:3/7:8:9", b, "4:5:6/", c, "/1:1:1"), both);
    // A forum-year's rows moving from one input to the other is a change.
    assertNotEquals(KeptPartitions.combine(Map.of(a, "1:2:3"), Map.of()),
        KeptPartitions.combine(Map.of(), Map.of(a, "1:2:3")));
  }

  @Test
  void aFilePathGivesItsForumYear() {
    assertEquals(new KeptPartitions.Key("igf-de", 2021),
        KeptPartitions.keyOf("forum=igf-de/year=2021/part-00000-x.c000.zstd.parquet"));
    assertEquals(new KeptPartitions.Key("a b/c", null),
        KeptPartitions.keyOf("forum=a b%2Fc/year=__HIVE_DEFAULT_PARTITION__/part-0.parquet"));
    assertNull(KeptPartitions.keyOf("part-00000.parquet"));
  }

  /** One incremental stage run over {@code input}: writes DATASET (a reject row per input row) and its record. */
  private Map<KeptPartitions.Key, KeptPartitions.Entry> run(Memo memo, String out, String config,
      Dataset<Row> input) {
    KeptPartitions keeper = KeptPartitions.of(spark(), memo, "test", config, out);
    Map<KeptPartitions.Key, String> fingerprints = KeptPartitions.fingerprints(input);
    Map<KeptPartitions.Key, KeptPartitions.Entry> kept = keeper.keep(fingerprints);
    Dataset<Row> computed = kept.isEmpty() ? input : input.filter(KeptPartitions.outside(kept.keySet()));
    new DatasetWriter(spark(), out).write(DATASET, rejects(computed), computed.isEmpty(), keeper.source(DATASET),
        KeptPartitions.files(kept, DATASET), "forum", "year");
    keeper.record(fingerprints, kept, Map.of(), List.of(DATASET));
    return kept;
  }

  /** A reject row per input row: rejects is one of our datasets (DatasetWriter holds data to its schema). */
  private static Dataset<Row> rejects(Dataset<Row> input) {
    return input.selectExpr("doc_id as path", "text as rel_path", "1L as size_bytes", "doc_id",
        "cast(null as string) as media_type", "'empty' as reason", "cast(null as string) as error_class",
        "'m' as message", "cast(null as string) as duplicate_of", "forum", "year");
  }

  private Set<String> written(String out) {
    Set<String> rows = new TreeSet<>();
    for (Row r : spark().read().parquet(out + "/" + DATASET).select("path", "rel_path", "forum", "year")
        .collectAsList()) {
      rows.add(r.toString());
    }
    return rows;
  }

  @Test
  void aRunTakesOverTheForumYearsWhoseInputsAreUnchangedAndWritesTheSameRowsAsAWholeRun(@TempDir Path dir)
      throws IOException {
    String store = dir.resolve("store").toString();
    String out = dir.resolve("out").toString();
    Object[] a = row("a", "one", "igf", 2020);
    Object[] b = row("b", "two", "igf", 2021);
    Object[] c = row("c", "three", "eurodig", null);
    assertEquals(Map.of(), run(new Memo(spark(), store, "r1"), out, "v1", rows(a, b, c)));

    // A new forum-year and a changed one: the third is taken over, the output is what a whole run writes.
    Object[] d = row("d", "four", "igf", 2022);
    Object[] b2 = row("b", "two, corrected", "igf", 2021);
    Map<KeptPartitions.Key, KeptPartitions.Entry> kept =
        run(new Memo(spark(), store, "r2"), out, "v1", rows(a, b2, c, d));
    assertEquals(Set.of(new KeptPartitions.Key("igf", 2020), new KeptPartitions.Key("eurodig", null)),
        kept.keySet());
    String whole = dir.resolve("whole").toString();
    new DatasetWriter(spark(), whole).write(DATASET, rejects(rows(a, b2, c, d)), false, "forum", "year");
    assertEquals(written(whole), written(out));
    assertEquals(4, written(out).size());

    // The store holds the files of the recorded forum-years only (b's first version is gone).
    try (Stream<Path> files = Files.walk(dir.resolve("store").resolve(KeptPartitions.FOLDER))) {
      assertEquals(4, files.filter(p -> p.toString().endsWith(".parquet")).count());
    }

    // Another config, or a stored file gone: computed again.
    assertEquals(Map.of(), run(new Memo(spark(), store, "r3"), out, "v2", rows(a, b2, c, d)));
    assertEquals(4, run(new Memo(spark(), store, "r4"), out, "v2", rows(a, b2, c, d)).size());
    try (Stream<Path> files = Files.walk(dir.resolve("store").resolve(KeptPartitions.FOLDER))) {
      Path igf2022 = files.filter(p -> p.toString().contains("year=2022") && p.toString().endsWith(".parquet"))
          .findFirst().orElseThrow();
      Files.delete(igf2022);
    }
    assertEquals(3, run(new Memo(spark(), store, "r5"), out, "v2", rows(a, b2, c, d)).size());
    assertEquals(written(whole), written(out));

    // A record cut short (a run killed while writing it) is no record: everything is computed, and recorded again.
    Path record;
    try (Stream<Path> files = Files.walk(dir.resolve("store").resolve(KeptPartitions.FOLDER))) {
      record = files.filter(p -> p.getFileName().toString().equals("record.json")).findFirst().orElseThrow();
    }
    Files.writeString(record, Files.readString(record).substring(0, 40));
    assertEquals(Map.of(), run(new Memo(spark(), store, "r6"), out, "v2", rows(a, b2, c, d)));
    assertEquals(written(whole), written(out));
    assertEquals(4, run(new Memo(spark(), store, "r7"), out, "v2", rows(a, b2, c, d)).size());
    // A forum-year gone from the inputs: its files leave the store, and no folder is left without a file.
    assertEquals(3, run(new Memo(spark(), store, "r8"), out, "v2", rows(a, b2, c)).size());
    assertEquals(3, written(out).size());
    try (Stream<Path> folders = Files.walk(dir.resolve("store").resolve(KeptPartitions.FOLDER))) {
      for (Path folder : folders.filter(Files::isDirectory).toList()) {
        try (Stream<Path> inside = Files.list(folder)) {
          Assertions.assertTrue(inside.findAny().isPresent(), folder + " is empty");
        }
      }
    }
  }
}
