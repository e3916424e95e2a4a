package org.opennessobservatory.query;

import java.util.LinkedHashMap;
import org.opennessobservatory.testing.SparkTestBase;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The row-for-row comparison bin/cluster-test relies on: blind to order, not to multiplicity or any value. */
class OutputComparisonTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
      .add("share", DataTypes.DoubleType).add("extra", DataTypes.createMapType(DataTypes.StringType,
          DataTypes.StringType));

  private Dataset<Row> rows(Row... rows) {
    return spark().createDataFrame(List.of(rows), SCHEMA);
  }

  private static Row row(String id, double share, String... keyValues) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      extra.put(keyValues[i], keyValues[i + 1]);
    }
    return RowFactory.create(id, share, extra);
  }

  @Test
  void theSameRowsInAnotherOrderAndMapsBuiltInAnotherOrderAreTheSame() {
    OutputComparison.Difference d = OutputComparison.compare(
        rows(row("a", 0.25, "x", "1", "y", "2"), row("b", 0.75)),
        rows(row("b", 0.75), row("a", 0.25, "y", "2", "x", "1")).select("share", "extra", "id"));
    Assertions.assertTrue(d.same(), d.toString());
    Assertions.assertEquals(2, d.rowsA());
  }

  @Test
  void aValueOneUlpApartIsADifferenceNamedByItsColumn() {
    OutputComparison.Difference d = OutputComparison.compare(
        rows(row("a", 0.1 + 0.2), row("b", 0.75)),
        rows(row("a", 0.3), row("b", 0.75)));
    Assertions.assertEquals(new OutputComparison.Difference(2, 2, 1, 1, List.of("share")), d);
  }

  @Test
  void aRepeatedRowIsADifference() {
    OutputComparison.Difference d = OutputComparison.compare(
        rows(row("a", 0.5, "x", "1"), row("a", 0.5, "x", "1")),
        rows(row("a", 0.5, "x", "1")));
    Assertions.assertEquals(new OutputComparison.Difference(2, 1, 1, 0, List.of()), d,
        "a row missing from one side: no column to blame");
    Assertions.assertEquals("1 of 2 rows only in A, none only in B: rows missing from B, the other rows the same",
        OutputComparison.describe(d));
    Assertions.assertEquals("1 of 1 row only in B, none only in A: rows missing from A, the other rows the same",
        OutputComparison.describe(OutputComparison.compare(rows(), rows(row("a", 0.5)))));
  }

  /**
   * Output roots written before and after a column was added, or changed its type: the dataset differs, by that
   * column, and its rows are compared on the others (the same here); a dataset on one side only is named as such.
   */
  @Test
  void aColumnOnOneSideOnlyIsNamedAndTheOthersAreCompared(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    rows(row("a", 0.5), row("b", 0.25)).drop("extra").write().parquet(dir.resolve("a/shares").toString());
    rows(row("b", 0.25), row("a", 0.5)).drop("extra").withColumn("added", org.apache.spark.sql.functions.lit(1))
        .write().parquet(dir.resolve("b/shares").toString());
    rows(row("a", 0.5)).write().parquet(dir.resolve("b/newer").toString());
    rows(row("a", 0.5)).drop("extra").write().parquet(dir.resolve("a/retyped").toString());
    rows(row("a", 0.5)).drop("extra").withColumn("share", org.apache.spark.sql.functions.lit("0.5"))
        .write().parquet(dir.resolve("b/retyped").toString());
    List<OutputComparison.DatasetComparison> c = OutputComparison.compareRoots(spark(), dir.resolve("a"),
        dir.resolve("b"));
    Assertions.assertEquals(List.of("newer: only in " + dir.resolve("b"),
        "retyped: DIFFERENT: columns only in A [share], only in B [share]; on the other columns, same 1 row",
        "shares: DIFFERENT: columns only in A [], only in B [added]; on the other columns, same 2 rows"),
        c.stream().map(x -> x.name() + ": " + x.outcome()).toList());
    Assertions.assertFalse(c.get(2).same());
  }

  @Test
  void aDifferentMapEntryIsADifference() {
    OutputComparison.Difference d = OutputComparison.compare(
        rows(row("a", 0.5, "x", "1")), rows(row("a", 0.5, "x", "2")));
    Assertions.assertEquals(List.of("extra"), d.columns());
  }
}
