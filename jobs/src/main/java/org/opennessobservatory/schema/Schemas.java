package org.opennessobservatory.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output contract: one Spark StructType JSON per dataset in the top-level {@code schemas/} folder, packaged in
 * the jar under {@code schemas/}. Every field, nested ones included, carries a {@code description}; the codebook is
 * generated from them.
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
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A schema file's text as a StructType; fails when a field at any depth has no description. */
  public static StructType parse(String json, String source) {
    StructType schema = (StructType) DataType.fromJson(json);
    checkDescriptions(schema, "", source);
    return schema;
  }

  private static void checkDescriptions(StructType struct, String prefix, String source) {
    for (StructField field : struct.fields()) {
      String name = prefix + field.name();
      if (!field.metadata().contains("description") || field.metadata().getString("description").isBlank()) {
        throw new IllegalStateException(source + ": field " + name + " has no description");
      }
      StructType nested = nestedStruct(field.dataType());
      if (nested != null) {
        checkDescriptions(nested, name + (field.dataType() instanceof StructType ? "." : "[]."), source);
      }
    }
  }

  /**
   * {@code schema} without its fields' metadata, at every depth. Spark carries a column's metadata in every attribute
   * of a plan that reads it, and a plan is deserialized by each of its tasks: the descriptions, which only the written
   * files need, made each task of a stage reading our datasets deserialize them all again.
   */
  public static StructType withoutMetadata(StructType schema) {
    StructField[] fields = new StructField[schema.fields().length];
    for (int i = 0; i < fields.length; i++) {
      StructField f = schema.fields()[i];
      fields[i] = new StructField(f.name(), withoutMetadata(f.dataType()), f.nullable(), Metadata.empty());
    }
    return new StructType(fields);
  }

  private static DataType withoutMetadata(DataType type) {
    if (type instanceof StructType s) {
      return withoutMetadata(s);
    }
    if (type instanceof ArrayType a) {
      return new ArrayType(withoutMetadata(a.elementType()), a.containsNull());
    }
    if (type instanceof MapType m) {
      return new MapType(withoutMetadata(m.keyType()), withoutMetadata(m.valueType()), m.valueContainsNull());
    }
    return type;
  }

  /** The struct inside a column's type (a struct, an array or map of structs), or null when there is none. */
  public static StructType nestedStruct(DataType type) {
    if (type instanceof StructType s) {
      return s;
    }
    if (type instanceof ArrayType a) {
      return nestedStruct(a.elementType());
    }
    if (type instanceof MapType m) {
      return nestedStruct(m.valueType());
    }
    return null;
  }
}
