package org.opennessobservatory.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.schema.Schemas;

/**
 * The datasets an output root can hold, from {@code schemas/datasets.yaml} (what a row is, the stage, the partition
 * folders) and each dataset's schema file. Both ship in the jar, so a fault here is a bug, not a user error.
 */
public final class DatasetCatalogue {
  static final String RESOURCE = "schemas/datasets.yaml";

  /** One dataset: its entry in the catalogue and its schema. */
  public record Dataset(String name, String stage, String row, List<String> partitionedBy, StructType schema) {}

  private DatasetCatalogue() {}

  /** Every dataset, in the catalogue's order (the order of the stages). */
  public static List<Dataset> load() {
    try (InputStream in = DatasetCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no " + RESOURCE + " on the class path");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Dataset> datasets = new ArrayList<>();
      for (JsonNode entry : root.path("datasets")) {
        String name = required(entry, "name");
        List<String> partitions = new ArrayList<>();
        entry.path("partitioned_by").forEach(p -> partitions.add(p.asText()));
        datasets.add(new Dataset(name, required(entry, "stage"), required(entry, "row"), List.copyOf(partitions),
            Schemas.load(name)));
      }
      if (datasets.isEmpty()) {
        throw new IllegalStateException(RESOURCE + " lists no datasets");
      }
      return datasets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(JsonNode entry, String key) {
    String value = entry.path(key).asText("");
    if (value.isBlank()) {
      throw new IllegalStateException(RESOURCE + ": an entry has no " + key + ": " + entry);
    }
    return value;
  }
}
