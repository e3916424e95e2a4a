package org.opennessobservatory.schema;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Holds a Dataset to its schema file before it is written: a mismatch is a bug, reported with every fault. */
public final class SchemaConformance {
  private SchemaConformance() {}

  /**
   * Returns {@code data} with exactly the schema's columns, in its order, carrying its metadata. Fails when a column
   * is missing, extra, of another type, or null where the schema says it never is (one pass over the data).
   */
  public static Dataset<Row> conform(Dataset<Row> data, StructType schema, String dataset) {
    StructType actual = data.schema();
    List<String> faults = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    List<Column> nullCounts = new ArrayList<>();
    List<String> nonNullable = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!List.of(actual.fieldNames()).contains(field.name())) {
        faults.add("missing column " + field.name());
        continue;
      }
      DataType type = actual.apply(field.name()).dataType();
      if (!sameType(type, field.dataType())) {
        faults.add(field.name() + " is " + type.simpleString() + ", schema says " + field.dataType().simpleString());
      }
      columns.add(col(field.name()).as(field.name(), field.metadata()));
      if (!field.nullable() && actual.apply(field.name()).nullable()) {
        nonNullable.add(field.name());
        nullCounts.add(count(when(col(field.name()).isNull(), 1)).as(field.name()));
      }
    }
    for (String name : actual.fieldNames()) {
      if (schema.getFieldIndex(name).isEmpty()) {
        faults.add("column " + name + " is not in the schema");
      }
    }
    if (faults.isEmpty() && !nullCounts.isEmpty()) {
      Row counts = data.agg(nullCounts.get(0), nullCounts.subList(1, nullCounts.size()).toArray(Column[]::new))
          .first();
      Map<String, Long> nulls = new TreeMap<>();
      for (int i = 0; i < nonNullable.size(); i++) {
        if (counts.getLong(i) > 0) {
          nulls.put(nonNullable.get(i), counts.getLong(i));
        }
      }
      nulls.forEach((name, n) -> faults.add(n + " nulls in non-nullable column " + name));
    }
    if (!faults.isEmpty()) {
      throw new IllegalStateException("dataset " + dataset + " does not match schemas/" + dataset + ".json: "
          + String.join("; ", faults));
    }
    return data.select(columns.toArray(Column[]::new));
  }

  /** Types equal up to the nullability of nested elements, which Spark infers loosely (catalog strings omit it). */
  private static boolean sameType(DataType actual, DataType expected) {
    return actual.catalogString().equals(expected.catalogString());
  }
}
