package org.opennessobservatory.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Compares two output roots dataset by dataset, row for row and regardless of order or file layout: {@code observatory
 * compare} (bin/cluster-test: a cluster run against a local one; an incremental run against a full one), the
 * reproducibility and crash-safety tests. Every dataset folder is compared; entries starting with {@code _} (the run
 * manifest, which holds run ids, times and the master by design; the incremental store) are not datasets.
 */
public final class OutputComparison {
  private OutputComparison() {}

  /** How two versions of one dataset differ: rows of each side missing from the other, counted with multiplicity. */
  public record Difference(long rowsA, long rowsB, long onlyInA, long onlyInB, List<String> columns) {
    public boolean same() {
      return onlyInA == 0 && onlyInB == 0;
    }
  }

  /**
   * The dataset folders of an output root, sorted: those a finished write marked with {@code _SUCCESS} (not
   * {@code _staging}, the report or the codebook).
   */
  public static List<String> datasets(Path root) {
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(p -> Files.isRegularFile(p.resolve("_SUCCESS"))).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One dataset of two output roots: present on one side only ({@code onlyIn} names that side, {@code difference} is
   * null), or its rows compared on the columns both sides have with the same type; {@code onlyInA} and {@code onlyInB}
   * name the others (an output written before a column was added against one written after; a column whose type
   * changed is on both lists).
   */
  public record DatasetComparison(String name, Path onlyIn, Difference difference, List<String> onlyInA,
      List<String> onlyInB) {
    public boolean same() {
      return onlyIn == null && difference.same() && onlyInA.isEmpty() && onlyInB.isEmpty();
    }

    /** "same N rows", "only in ROOT" or what differs. */
    public String outcome() {
      if (onlyIn != null) {
        return "only in " + onlyIn;
      }
      String rows = difference.same() ? "same " + rowCount(difference.rowsA()) : describe(difference);
      if (onlyInA.isEmpty() && onlyInB.isEmpty()) {
        return difference.same() ? rows : "DIFFERENT: " + rows;
      }
      return "DIFFERENT: columns only in A " + onlyInA + ", only in B " + onlyInB + "; on the other columns, " + rows;
    }
  }

  /** Every dataset of {@code a} and of {@code b}, by name: compared row for row where both sides have it. */
  public static List<DatasetComparison> compareRoots(SparkSession spark, Path a, Path b) {
    List<DatasetComparison> compared = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(datasets(a));
    names.addAll(datasets(b));
    for (String name : names) {
      if (!Files.isDirectory(a.resolve(name)) || !Files.isDirectory(b.resolve(name))) {
        compared.add(new DatasetComparison(name, Files.isDirectory(a.resolve(name)) ? a : b, null, List.of(),
            List.of()));
      } else {
        Dataset<Row> da = spark.read().parquet(a.resolve(name).toString());
        Dataset<Row> db = spark.read().parquet(b.resolve(name).toString());
        TreeSet<String> shared = new TreeSet<>();
        for (String n : da.columns()) {
          // simpleString leaves nullability out: a dataset read back may differ in it, not in its values
          if (List.of(db.columns()).contains(n) && da.schema().apply(n).dataType().simpleString()
              .equals(db.schema().apply(n).dataType().simpleString())) {
            shared.add(n);
          }
        }
        Column[] common = shared.stream().map(functions::col).toArray(Column[]::new);
        Difference rows;
        if (shared.isEmpty()) {
          long rowsA = da.count();
          long rowsB = db.count();
          rows = new Difference(rowsA, rowsB, rowsA, rowsB, List.of());
        } else {
          rows = compare(da.select(common), db.select(common));
        }
        compared.add(new DatasetComparison(name, null, rows, without(da.schema(), shared),
            without(db.schema(), shared)));
      }
    }
    return compared;
  }

  /**
   * Every difference between the datasets of {@code a} and {@code b}, one line each: a dataset present on one side
   * only, or a dataset whose rows differ. Empty when the outputs are the same (the reproducibility and crash tests).
   */
  public static List<String> differences(SparkSession spark, Path a, Path b) {
    return compareRoots(spark, a, b).stream().filter(c -> !c.same()).map(c -> c.name() + ": " + c.outcome())
        .toList();
  }

  /** Null when the two dataset folders hold the same rows (as multisets), else what differs. */
  public static String difference(SparkSession spark, Path a, Path b) {
    Difference d = compare(spark.read().parquet(a.toString()), spark.read().parquet(b.toString()));
    return d.same() ? null : describe(d);
  }

  /**
   * What differs. Rows on one side only are rows missing from the other, with no value to blame; where both sides
   * have rows of their own, the columns whose values differ are named.
   */
  public static String describe(Difference d) {
    if (d.onlyInB() == 0 || d.onlyInA() == 0) {
      boolean inA = d.onlyInB() == 0;
      return String.format("%d of %s only in %s, none only in %s: rows missing from %s, the other rows the same",
          inA ? d.onlyInA() : d.onlyInB(), rowCount(inA ? d.rowsA() : d.rowsB()), inA ? "A" : "B", inA ? "B" : "A",
          inA ? "B" : "A");
    }
    return String.format("%d of %s only in A, %d of %d only in B; columns whose values differ: %s",
        d.onlyInA(), rowCount(d.rowsA()), d.onlyInB(), d.rowsB(), d.columns());
  }

  private static String rowCount(long rows) {
    return rows + (rows == 1 ? " row" : " rows");
  }

  /**
   * Compares the rows of {@code a} and {@code b} as multisets ({@code exceptAll} both ways). Where both sides have
   * rows of their own, also names the columns whose own multisets of values differ, to point at the cause (where only
   * one side has, every column would differ by the missing rows' values: none is named).
   */
  public static Difference compare(Dataset<Row> a, Dataset<Row> b) {
    if (!names(a.schema()).equals(names(b.schema()))) {
      throw new IllegalArgumentException("the two sides have different columns: " + names(a.schema()) + " and "
          + names(b.schema()));
    }
    Dataset<Row> ca = comparable(a);
    Dataset<Row> cb = comparable(b.select(a.columns()[0], tail(a.columns())));
    long onlyInA = ca.exceptAll(cb).count();
    long onlyInB = cb.exceptAll(ca).count();
    List<String> columns = new ArrayList<>();
    if (onlyInA > 0 && onlyInB > 0) {
      for (String c : ca.columns()) {
        if (ca.select(c).exceptAll(cb.select(c)).count() + cb.select(c).exceptAll(ca.select(c)).count() > 0) {
          columns.add(c);
        }
      }
    }
    return new Difference(a.count(), b.count(), onlyInA, onlyInB, columns);
  }

  /** Set operations refuse map columns: a map becomes its entries sorted by key, which is equal iff the maps are. */
  static Dataset<Row> comparable(Dataset<Row> data) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      Column c = functions.col(f.name());
      if (f.dataType() instanceof MapType) {
        columns.add(functions.array_sort(functions.map_entries(c)).as(f.name()));
      } else if (holdsMap(f.dataType())) {
        throw new IllegalArgumentException("column " + f.name() + " nests a map; compare it some other way");
      } else {
        columns.add(c);
      }
    }
    return data.select(columns.toArray(Column[]::new));
  }

  private static boolean holdsMap(DataType type) {
    if (type instanceof MapType) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return holdsMap(array.elementType());
    }
    if (type instanceof StructType struct) {
      return Stream.of(struct.fields()).anyMatch(f -> holdsMap(f.dataType()));
    }
    return false;
  }

  private static List<String> without(StructType schema, TreeSet<String> shared) {
    return Stream.of(schema.fieldNames()).filter(n -> !shared.contains(n)).toList();
  }

  private static TreeSet<String> names(StructType schema) {
    return new TreeSet<>(List.of(schema.fieldNames()));
  }

  private static String[] tail(String[] columns) {
    String[] rest = new String[columns.length - 1];
    System.arraycopy(columns, 1, rest, 0, rest.length);
    return rest;
  }
}
