package org.opennessobservatory.schema;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.SparkTestBase;

class SchemaConformanceTest extends SparkTestBase {
  private static final Metadata DESCRIBED = new MetadataBuilder().putString("description", "A value.").build();
  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false, DESCRIBED)
      .add("words", DataTypes.LongType, true, DESCRIBED);

  /** Spark cannot tell that these columns are never null: both are nullable in the data's own schema. */
  private Dataset<Row> data(Row... rows) {
    StructType loose = new StructType().add("words", DataTypes.LongType, true).add("id", DataTypes.StringType, true);
    return spark().createDataFrame(List.of(rows), loose);
  }

  @Test
  void reordersToTheSchemaAndCarriesItsDescriptions() {
    Dataset<Row> conformed = SchemaConformance.conform(data(RowFactory.create(3L, "a")), SCHEMA, "t");
    Assertions.assertEquals(List.of("id", "words"), List.of(conformed.columns()));
    Assertions.assertEquals("A value.", conformed.schema().apply("id").metadata().getString("description"));
    Assertions.assertEquals(List.of(RowFactory.create("a", 3L)), conformed.collectAsList());
  }

  @Test
  void missingExtraAndMistypedColumnsFailAtOnceAllNamed() {
    StructType other = new StructType().add("id", DataTypes.IntegerType, true).add("extra", DataTypes.StringType, true);
    Dataset<Row> wrong = spark().createDataFrame(List.of(RowFactory.create(1, "x")), other);
    IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
        () -> SchemaConformance.conform(wrong, SCHEMA, "t"));
    Assertions.assertEquals("dataset t does not match schemas/t.json: id is int, schema says string; "
        + "missing column words; column extra is not in the schema", e.getMessage());
  }

  @Test
  void aNullInANonNullableColumnFailsTheWriteNamingTheColumn(@TempDir Path dir) {
    Dataset<Row> conformed = SchemaConformance.conform(
        data(RowFactory.create(3L, "a"), RowFactory.create(4L, null)), SCHEMA, "t");
    Path out = dir.resolve("t");
    Exception e = Assertions.assertThrows(Exception.class, () -> conformed.write().parquet(out.toString()));
    String message = "dataset t does not match schemas/t.json: a null in non-nullable column id";
    Assertions.assertTrue(causes(e).contains(message), causes(e));
    Assertions.assertFalse(Files.exists(out.resolve("_SUCCESS")), "a failed write leaves no finished dataset");
  }

  @Test
  void nullsWhereTheSchemaAllowsThemPass() {
    Dataset<Row> conformed = SchemaConformance.conform(data(RowFactory.create(null, "a")), SCHEMA, "t");
    Assertions.assertEquals(List.of(RowFactory.create("a", null)), conformed.collectAsList());
  }

  private static String causes(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }
}
