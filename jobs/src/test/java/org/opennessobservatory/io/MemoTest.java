package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

/** The incremental store: which generation a run reads, under which settings, and what a finished run leaves. */
class MemoTest extends SparkTestBase {
  private static final StructType ENTRY = new StructType().add(Memo.KEY, DataTypes.StringType)
      .add(Memo.CONFIG, DataTypes.StringType).add("value", DataTypes.StringType);

  private Dataset<Row> entries(String config, String... keyValues) {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      rows.add(RowFactory.create(keyValues[i], config, keyValues[i + 1]));
    }
    return spark().createDataFrame(rows, ENTRY);
  }

  private static List<String> values(Dataset<Row> d) {
    return d.orderBy(Memo.KEY).collectAsList().stream().map(r -> r.getString(2)).toList();
  }

  @Test
  void aRunReadsTheNewestWholeGenerationUnderItsOwnSettings(@TempDir Path dir) throws IOException {
    String store = dir.resolve("store").toString();
    Assertions.assertTrue(new Memo(spark(), store, "run-1").previous("parses", "a").isEmpty(), "first run");

    new Memo(spark(), store, "run-1").write("parses", entries("a", "k1", "old"));
    new Memo(spark(), store, "run-2").write("parses", entries("a", "k1", "new", "k2", "two"));
    Path older = dir.resolve("store/parses/run-1/_SUCCESS");
    Path newer = dir.resolve("store/parses/run-2/_SUCCESS");
    Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
    // A generation a killed run left half-written: no _SUCCESS, never read, however new.
    new Memo(spark(), store, "run-3").write("parses", entries("a", "k1", "half"));
    Files.delete(dir.resolve("store/parses/run-3/_SUCCESS"));

    Memo fourth = new Memo(spark(), store, "run-4");
    assertEquals(List.of("new", "two"), values(fourth.previous("parses", "a").orElseThrow()));
    assertEquals(List.of(), values(fourth.previous("parses", "other settings").orElseThrow()));
    Assertions.assertTrue(fourth.previous("issue_matches", "a").isEmpty(), "another memo");

    fourth.write("parses", entries("a", "k2", "four"));
    fourth.prune();
    try (Stream<Path> left = Files.list(dir.resolve("store/parses"))) {
      assertEquals(List.of("run-4"), left.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(List.of("four"), values(new Memo(spark(), store, "run-5").previous("parses", "a").orElseThrow()));
  }
}
