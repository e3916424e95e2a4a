package org.opennessobservatory.schema;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Holds a Dataset to its schema file as it is written: a mismatch is a bug, reported with what it is. */
public final class SchemaConformance {
  private SchemaConformance() {}

  /**
   * Returns {@code data} with exactly the schema's columns, in its order, carrying its metadata. Fails at once when a
   * column is missing, extra or of another type. A column the schema says is never null, but which Spark cannot
   * prove is not, is guarded instead: the first null met fails the job that computes it (the write), naming the
   * column. Checked there, the guard costs no pass of its own over the data, and no planning of one; but only a job
   * that computes the column checks it: write or collect the result whole (a {@code count()} computes no column).
   */
  public static Dataset<Row> conform(Dataset<Row> data, StructType schema, String dataset) {
    StructType actual = data.schema();
    String contract = "dataset " + dataset + " does not match schemas/" + dataset + ".json: ";
    List<String> faults = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!List.of(actual.fieldNames()).contains(field.name())) {
        faults.add("missing column " + field.name());
        continue;
      }
      DataType type = actual.apply(field.name()).dataType();
      if (!sameType(type, field.dataType())) {
        faults.add(field.name() + " is " + type.simpleString() + ", schema says " + field.dataType().simpleString());
      }
      Column value = col(field.name());
      if (!field.nullable() && actual.apply(field.name()).nullable()) {
        value = when(value.isNull(), raise_error(lit(contract + "a null in non-nullable column " + field.name())))
            .otherwise(value);
      }
      columns.add(value.as(field.name(), field.metadata()));
    }
    for (String name : actual.fieldNames()) {
      if (schema.getFieldIndex(name).isEmpty()) {
        faults.add("column " + name + " is not in the schema");
      }
    }
    if (!faults.isEmpty()) {
      throw new IllegalStateException(contract + String.join("; ", faults));
    }
    return data.select(columns.toArray(Column[]::new));
  }

  /** Types equal up to the nullability of nested elements, which Spark infers loosely (catalog strings omit it). */
  private static boolean sameType(DataType actual, DataType expected) {
    return actual.catalogString().equals(expected.catalogString());
  }
}
