package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
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
 * The incremental store: which generations a run reads, under which settings, when it writes a delta or a full
 * generation, and what a finished run leaves.
 */
class MemoTest extends SparkTestBase {
  private static final StructType ENTRY = new StructType().add(Memo.KEY, DataTypes.StringType)
      .add(Memo.CONFIG, DataTypes.StringType).add("value", DataTypes.StringType)
      .add(Memo.ADDED, DataTypes.BooleanType);

  /** Entries as key=value (computed by the run) or key~value (reused). */
  private Dataset<Row> entries(String config, String... entries) {
    List<Row> rows = new ArrayList<>();
    for (String e : entries) {
      boolean added = e.contains("=");
      String[] kv = e.split(added ? "=" : "~");
      rows.add(RowFactory.create(kv[0], config, kv[1], added));
    }
    return spark().createDataFrame(rows, ENTRY);
  }

  private static List<String> values(Dataset<Row> d) {
    return d.orderBy(Memo.KEY).collectAsList().stream().map(r -> r.getString(0) + "=" + r.getString(2)).toList();
  }

  /** One run: reads memo "parses" under "a", writes {@code entries}, finishes (prune); returns what it read. */
  private List<String> run(String store, String runId, String... entries) {
    Memo memo = new Memo(spark(), store, runId);
    List<String> read = memo.previous("parses", "a").map(MemoTest::values).orElse(List.of());
    memo.write("parses", "a", entries("a", entries));
    memo.prune();
    return read;
  }

  private static List<String> generations(Path memo) throws IOException {
    try (Stream<Path> configs = Files.list(memo)) {
      List<Path> folders = configs.toList();
      assertEquals(1, folders.size(), "one settings folder: " + folders);
      try (Stream<Path> gens = Files.list(folders.get(0))) {
        return gens.map(p -> p.getFileName().toString()).sorted().toList();
      }
    }
  }

  /** Gives the generations' _SUCCESS files modification times one second apart, in the order given. */
  private static void touch(Path memo, String... generations) throws IOException {
    Path config;
    try (Stream<Path> configs = Files.list(memo)) {
      config = configs.findFirst().orElseThrow();
    }
    for (int i = 0; i < generations.length; i++) {
      Files.setLastModifiedTime(config.resolve(generations[i]).resolve(DatasetWriter.SUCCESS),
          FileTime.fromMillis(1_000_000L + 1_000L * i));
    }
  }

  @Test
  void aRunWritesADeltaOfWhatItComputedAndReadsTheNewestFullGenerationWithTheDeltasAfterIt(@TempDir Path dir)
      throws IOException {
    String store = dir.resolve("store").toString();
    Path memo = dir.resolve("store/parses");
    assertEquals(List.of(), run(store, "r1", "k1=one", "k2=two"), "first run: nothing to read");
    assertEquals(List.of("000001-r1.full"), generations(memo), "nothing stored: all entries, as a full generation");

    // k2's file was removed, k3 is new: the delta holds k3 only; k2 stays stored until the next full generation.
    assertEquals(List.of("k1=one", "k2=two"), run(store, "r2", "k1~one", "k3=three"));
    assertEquals(List.of("000001-r1.full", "000002-r2.delta"), generations(memo));
    assertEquals(List.of("k1=one", "k2=two", "k3=three"), run(store, "r3", "k1~one", "k3~three"));
    assertEquals(List.of("000001-r1.full", "000002-r2.delta", "000003-r3.delta"), generations(memo),
        "an empty delta too");
    assertEquals(List.of("k1=one", "k2=two", "k3=three"), run(store, "r4", "k1~one"), "an empty delta is read");

    // Another memo and other settings are apart.
    Memo other = new Memo(spark(), store, "r5");
    Assertions.assertTrue(other.previous("parses", "b").isEmpty(), "other settings");
    Assertions.assertTrue(other.previous("issue_matches", "a").isEmpty(), "another memo");
  }

  @Test
  void afterMaxDeltasARunWritesAllItsEntriesAgainAndTheOlderGenerationsGo(@TempDir Path dir) throws IOException {
    String store = dir.resolve("store").toString();
    Path memo = dir.resolve("store/parses");
    run(store, "r0", "k0=zero");
    for (int i = 1; i <= Memo.MAX_DELTAS; i++) {
      run(store, "r" + i, "k0~zero", "k" + i + "=" + i);
    }
    assertEquals(Memo.MAX_DELTAS + 1, generations(memo).size());
    // Compaction: k0 and k7 are still in the corpus, the files of k1 … k6 are gone.
    List<String> read = run(store, "r8", "k0~zero", "k7~7");
    assertEquals(Memo.MAX_DELTAS + 1, read.size(), read.toString());
    assertEquals(List.of("000009-r8.full"), generations(memo));
    assertEquals(List.of("k0=zero", "k7=7"), run(store, "r9", "k0~zero"));
  }

  @Test
  void theOrderOfGenerationsIsTheirSequenceNotTheirFileTimes(@TempDir Path dir) throws IOException {
    String store = dir.resolve("store").toString();
    Path memo = dir.resolve("store/parses");
    run(store, "r1", "k1=one");
    run(store, "r2", "k1~one", "k2=two");
    // As a copy without file times may leave them: the full generation's _SUCCESS newer than the delta's. Ordered
    // by time, the delta would come before the full generation and be dropped (k2 computed again).
    touch(memo, "000002-r2.delta", "000001-r1.full");
    Memo third = new Memo(spark(), store, "r3");
    assertEquals(List.of("k1=one", "k2=two"), values(third.previous("parses", "a").orElseThrow()));
    third.write("parses", "a", entries("a", "k1~one", "k2~two", "k3=three"));
    third.prune();
    assertEquals(List.of("000001-r1.full", "000002-r2.delta", "000003-r3.delta"), generations(memo));
    assertEquals(-1, sequence("r1.full"), "no sequence");
    assertEquals(-1, sequence("_temporary"));
    assertEquals(12, sequence("000012-0b5e7f6c-2d43-4f0e-9a41-7c1e5d2b8a90.delta"), "a run id with dashes");
  }

  private static long sequence(String generation) {
    return Memo.sequence(new org.apache.hadoop.fs.Path("/store/parses/config", generation));
  }

  @Test
  void whatAKilledRunLeftIsReadOnlyWhenFinishedAndAPruneKeepsOnlyWhatTheNextRunReads(@TempDir Path dir)
      throws IOException {
    String store = dir.resolve("store").toString();
    Path memo = dir.resolve("store/parses");
    run(store, "r1", "k1=one");
    run(store, "r2", "k1~one", "k2=two");
    // Killed while writing its delta: no _SUCCESS, never read, however new.
    Memo killed = new Memo(spark(), store, "r3");
    killed.previous("parses", "a");
    killed.write("parses", "a", entries("a", "k1~one", "k2~two", "k3=half"));
    Path config;
    try (Stream<Path> configs = Files.list(memo)) {
      config = configs.findFirst().orElseThrow();
    }
    Files.delete(config.resolve("000003-r3.delta").resolve(DatasetWriter.SUCCESS));

    Memo fourth = new Memo(spark(), store, "r4");
    assertEquals(List.of("k1=one", "k2=two"), values(fourth.previous("parses", "a").orElseThrow()));
    // A run under new settings (another version) writes in full and removes the old settings' folder on prune.
    Assertions.assertTrue(fourth.previous("issue_matches", "t").isEmpty());
    fourth.write("issue_matches", "t", entries("t", "x=1"));
    fourth.prune();
    assertEquals(List.of("000001-r1.full", "000002-r2.delta", "000003-r3.delta"), generations(memo),
        "a memo it did not write is kept");

    Memo fifth = new Memo(spark(), store, "r5");
    fifth.previous("parses", "b");
    fifth.write("parses", "b", entries("b", "k1=uno"));
    fifth.prune();
    assertEquals(List.of("000001-r5.full"), generations(memo),
        "settings a changed to b: only b's generation is left");
    assertEquals(List.of("k1=uno"), values(new Memo(spark(), store, "r6").previous("parses", "b").orElseThrow()));
  }
}
