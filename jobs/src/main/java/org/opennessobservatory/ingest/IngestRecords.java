package org.opennessobservatory.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.schema.Schemas;

/**
 * The row every input file becomes inside the ingest stage, before it is split into {@code documents} and
 * {@code rejects}: the documents columns (all nullable) plus the reject columns. A null {@code reason} means a
 * document; duplicate_of is filled by {@link IngestStage#settleDuplicates}; parsed, reused and memo_key serve
 * incremental runs.
 */
final class IngestRecords {
  private IngestRecords() {}

  static final String REASON = "reason";
  static final String ERROR_CLASS = "error_class";
  static final String MESSAGE = "message";
  static final String DUPLICATE_OF = "duplicate_of";
  /** The parse result's bytes, kept for the parse memo of an incremental run (null otherwise). */
  static final String PARSED = "parsed";
  /**
   * True when an incremental run may reuse a stored parse of these bytes: the file was read and hashed, not parsed
   * ({@link ReusedParses} completes it).
   */
  static final String REUSED = "reused";
  /** The parse memo's key of a file read and hashed: {@link #memoKey}. */
  static final String MEMO_KEY = "memo_key";

  static StructType schema() {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : Schemas.load("documents").fields()) {
      fields.add(new StructField(f.name(), f.dataType(), true, f.metadata()));
    }
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(ERROR_CLASS, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(MESSAGE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(DUPLICATE_OF, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(PARSED, DataTypes.BinaryType, true));
    fields.add(DataTypes.createStructField(REUSED, DataTypes.BooleanType, true));
    fields.add(DataTypes.createStructField(MEMO_KEY, DataTypes.StringType, true));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * What a parse depends on in the file: its bytes (doc_id) and its name, which Tika takes as a hint of the type (a
   * renamed file may parse differently, so it is parsed again).
   */
  static String memoKey(String docId, String relPath) {
    return docId + " " + CorpusPaths.fileName(relPath);
  }

  /** Values by column name, turned into a Row in the schema's order; unnamed columns are null. */
  static final class Builder {
    private final Map<String, Object> values = new HashMap<>();

    Builder set(String column, Object value) {
      values.put(column, value);
      return this;
    }

    Row build(StructType schema) {
      Object[] row = new Object[schema.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = values.get(schema.fields()[i].name());
      }
      for (String column : values.keySet()) {
        if (schema.getFieldIndex(column).isEmpty()) {
          throw new IllegalArgumentException("no column " + column + " in the ingest record");
        }
      }
      return RowFactory.create(row);
    }
  }
}
