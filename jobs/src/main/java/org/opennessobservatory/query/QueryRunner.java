package org.opennessobservatory.query;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.opennessobservatory.cli.UserException;

/** Runs a user's SQL over the views of an output root; a fault in the query is a one-line user error. */
public final class QueryRunner {
  private QueryRunner() {}

  /** The first rows of a result, with whether more follow. */
  public record Preview(List<String> columns, boolean[] numeric, List<List<String>> rows, boolean more) {}

  /** The query as a Dataset (parsed and analysed now, so a bad query fails here). */
  public static Dataset<Row> sql(SparkSession spark, String query, List<String> views, String outRoot) {
    try {
      return spark.sql(query);
    } catch (Exception e) { // Spark's AnalysisException is a checked exception that Scala throws undeclared
      throw userError(e, views, outRoot);
    }
  }

  /** At most {@code limit} rows, each cell as Spark renders it as a string (arrays as [a, b]). */
  public static Preview preview(Dataset<Row> result, int limit, List<String> views, String outRoot) {
    StructField[] fields = result.schema().fields();
    Column[] asText = Arrays.stream(fields)
        .map(f -> col(quoted(f.name())).cast("string")).toArray(Column[]::new);
    List<Row> rows;
    try {
      rows = result.select(asText).limit(limit + 1).collectAsList();
    } catch (Exception e) { // Spark's AnalysisException is a checked exception that Scala throws undeclared
      throw userError(e, views, outRoot);
    }
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows.subList(0, Math.min(limit, rows.size()))) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < fields.length; i++) {
        row.add(r.isNullAt(i) ? null : r.getString(i));
      }
      cells.add(row);
    }
    boolean[] numeric = new boolean[fields.length];
    for (int i = 0; i < fields.length; i++) {
      numeric[i] = fields[i].dataType() instanceof NumericType;
    }
    return new Preview(Arrays.stream(fields).map(StructField::name).toList(), numeric, cells, rows.size() > limit);
  }

  /** Every row of the result into {@code file} (CSV or Parquet by its extension). */
  public static void write(Dataset<Row> result, String file, List<String> views, String outRoot) {
    try {
      ResultFile.write(result, file);
    } catch (UserException e) {
      throw e;
    } catch (Exception e) { // Spark's AnalysisException is a checked exception that Scala throws undeclared
      throw userError(e, views, outRoot);
    }
  }

  /** A column name as SQL reads it whatever it holds (a result column may be called count(1)). */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * A fault Spark names (parse error, unknown table or column, division by zero under ANSI) is the user's query:
   * its first line says what is wrong. Anything else is a bug and keeps its stack trace.
   */
  static RuntimeException userError(Exception e, List<String> views, String outRoot) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SparkThrowable st && st.getCondition() != null
          && !st.getCondition().startsWith("INTERNAL_ERROR")) {
        if ("TABLE_OR_VIEW_NOT_FOUND".equals(st.getCondition())) {
          Map<String, String> params = st.getMessageParameters();
          return new UserException("table " + params.getOrDefault("relationName", "?") + " is not a dataset under "
              + outRoot + "; available: " + String.join(", ", views));
        }
        return new UserException("SQL: " + t.getMessage().strip().lines().findFirst().orElse(""));
      }
    }
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }
}
