package org.opennessobservatory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * Compares the datasets of two output roots row for row, ignoring row order (and the run manifest, which is meant
 * to differ): the reproducibility and crash tests' notion of "the same output".
 */
public final class OutputComparison {
  private OutputComparison() {}

  /** Dataset folders under an output root (not {@code _run.json}, not {@code _staging}). */
  public static List<String> datasets(Path root) {
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every difference between the datasets of {@code a} and {@code b}, one line each: a dataset present on one side
   * only, or a dataset whose rows differ, with its row counts and the columns whose values differ. Empty when equal.
   */
  public static List<String> differences(SparkSession spark, Path a, Path b) {
    List<String> found = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(datasets(a));
    names.addAll(datasets(b));
    for (String name : names) {
      if (!Files.isDirectory(a.resolve(name)) || !Files.isDirectory(b.resolve(name))) {
        found.add(name + ": only in " + (Files.isDirectory(a.resolve(name)) ? a : b));
        continue;
      }
      String difference = difference(spark, a.resolve(name), b.resolve(name));
      if (difference != null) {
        found.add(name + ": " + difference);
      }
    }
    return found;
  }

  /** Null when the two datasets hold the same rows (as multisets), else what differs. */
  public static String difference(SparkSession spark, Path a, Path b) {
    Dataset<Row> left = comparable(spark.read().parquet(a.toString()));
    Dataset<Row> right = comparable(spark.read().parquet(b.toString()));
    if (!Arrays.equals(left.columns(), right.columns())) {
      return "columns " + Arrays.toString(left.columns()) + " against " + Arrays.toString(right.columns());
    }
    if (left.exceptAll(right).isEmpty() && right.exceptAll(left).isEmpty()) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    for (String c : left.columns()) {
      Dataset<Row> l = left.select(c);
      Dataset<Row> r = right.select(c);
      if (!l.exceptAll(r).isEmpty() || !r.exceptAll(l).isEmpty()) {
        columns.add(c);
      }
    }
    return left.count() + " rows against " + right.count() + "; values differ in " + columns;
  }

  /** Map columns cannot take part in set operations: compare their entries, sorted, instead. */
  private static Dataset<Row> comparable(Dataset<Row> data) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      Column c = functions.col(f.name());
      columns.add(f.dataType() instanceof MapType ? functions.array_sort(functions.map_entries(c)).as(f.name()) : c);
    }
    return data.select(columns.toArray(Column[]::new));
  }
}
