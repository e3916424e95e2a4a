package org.opennessobservatory.notebooks;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/** The comparison of a notebook's saved table with Spark's, on CSVs as pandas writes them. */
class SavedTableTest extends SparkTestBase {
  @TempDir
  Path dir;

  private Dataset<Row> expected() {
    StructType schema = new StructType().add("forum", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("overall", DataTypes.DoubleType).add("rank", DataTypes.IntegerType).add("change", DataTypes.DoubleType);
    return spark().createDataFrame(List.of(
        RowFactory.create("igf", 2022, 76.21160552312345, 1, null),
        RowFactory.create("igf", 2023, 72.81656612, 1, -3.395039)), schema);
  }

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("t.csv"), text);
  }

  @Test
  void pandasCsvOfTheSameRowsInAnyOrderMatches() throws IOException {
    SavedTable.read(csv("forum,year,overall,rank,change\nigf,2023,72.81656612,1,-3.395039\n"
        + "igf,2022,76.21160552312345,1,\n")).assertSameRows(expected(), "forum", "year");
  }

  @Test
  void aWrongNumberAMissingRowOrANullCellFails() throws IOException {
    assertThrows(AssertionError.class, () -> SavedTable.read(csv("forum,year,overall,rank,change\n"
        + "igf,2023,72.81656612,1,-3.395039\nigf,2022,76.2116,1,\n")).assertSameRows(expected(), "forum", "year"));
    assertThrows(AssertionError.class, () -> SavedTable.read(csv("forum,year,overall,rank,change\n"
        + "igf,2023,72.81656612,1,-3.395039\n")).assertSameRows(expected(), "forum", "year"));
    assertThrows(AssertionError.class, () -> SavedTable.read(csv("forum,year,overall,rank,change\n"
        + "igf,2023,72.81656612,1,\nigf,2022,76.21160552312345,1,\n")).assertSameRows(expected(), "forum", "year"));
  }

  @Test
  void aMissingFileFails() {
    assertThrows(AssertionError.class, () -> SavedTable.read(TestPaths.repo().resolve("no-such-table.csv")));
  }
}
