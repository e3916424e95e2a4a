package org.opennessobservatory.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output contract: one Spark StructType JSON per dataset in the top-level {@code schemas/} folder, packaged in
 * the jar under {@code schemas/}. Every field carries a {@code description}; the codebook is generated from them.
 */
public final class Schemas {
  private Schemas() {}

  /** Whether {@code dataset} is one of ours: a folder of that name under an output root is a dataset we wrote. */
  public static boolean exists(String dataset) {
    return Schemas.class.getClassLoader().getResource("schemas/" + dataset + ".json") != null;
  }

  public static StructType load(String dataset) {
    String resource = "schemas/" + dataset + ".json";
    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + resource + " on the class path");
      }
      StructType schema = (StructType) DataType.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      for (StructField field : schema.fields()) {
        if (!field.metadata().contains("description")) {
          throw new IllegalStateException(resource + ": field " + field.name() + " has no description");
        }
      }
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
