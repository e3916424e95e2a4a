package org.opennessobservatory.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table a notebook saved beside its chart (observatory_data.save_table, pandas' CSV), compared with the same table
 * computed by Spark from the Parquet output: the chart shows the datasets' numbers, not something else.
 */
final class SavedTable {
  /** pandas writes doubles with full precision (repr); only the last digit may differ from Java's. */
  private static final double TOLERANCE = 1e-9;

  private final Path csv;
  private final List<CSVRecord> records;

  private SavedTable(Path csv, List<CSVRecord> records) {
    this.csv = csv;
    this.records = records;
  }

  static SavedTable read(Path csv) {
    assertTrue(Files.isRegularFile(csv), csv + " was not saved by the notebook");
    try (Reader in = Files.newBufferedReader(csv)) {
      return new SavedTable(csv, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(in).getRecords());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int rows() {
    return records.size();
  }

  /**
   * Asserts that the CSV holds exactly {@code expected}'s rows, matched on the key columns, every column of
   * {@code expected} equal: numbers within 1e-9 (an int column with a null is written as 2022.0), null as an empty
   * cell, anything else as its text.
   */
  void assertSameRows(Dataset<Row> expected, String... keys) {
    List<Row> rows = expected.collectAsList();
    assertEquals(rows.size(), records.size(), csv + ": rows");
    Map<String, CSVRecord> byKey = new HashMap<>();
    for (CSVRecord r : records) {
      assertEquals(null, byKey.put(Arrays.stream(keys).map(r::get).collect(Collectors.joining("|")), r),
          csv + ": two rows with the key of " + r);
    }
    String[] columns = expected.columns();
    for (Row row : rows) {
      String key = Arrays.stream(keys).map(k -> String.valueOf((Object) row.getAs(k))).collect(Collectors.joining("|"));
      CSVRecord saved = byKey.get(key);
      assertNotNull(saved, csv + ": no row for " + key);
      for (String column : columns) {
        assertTrue(saved.isMapped(column), csv + " has no column " + column);
        assertCell(key + " " + column, row.getAs(column), saved.get(column));
      }
    }
  }

  private void assertCell(String where, Object expected, String saved) {
    if (expected == null) {
      assertEquals("", saved, csv + " " + where + ": null expected");
    } else if (expected instanceof Number n) {
      if (saved.isEmpty()) {
        fail(csv + " " + where + ": " + n + " expected, empty cell saved");
      }
      assertEquals(n.doubleValue(), Double.parseDouble(saved), TOLERANCE, csv + " " + where);
    } else {
      assertEquals(expected.toString(), saved, csv + " " + where);
    }
  }
}
