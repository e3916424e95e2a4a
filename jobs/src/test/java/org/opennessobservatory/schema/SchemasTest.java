package org.opennessobservatory.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.TestPaths;

/** Every schema file of the repository loads (so every field has a description) and keeps the house's order. */
class SchemasTest {

  @Test
  void partitionColumnsComeLastAsPartitionedParquetReadsThemBack() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(TestPaths.repo().resolve("schemas"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Assertions.assertTrue(files.size() >= 10, files::toString);
    for (Path file : files) {
      String dataset = file.getFileName().toString().replace(".json", "");
      List<String> names = List.of(Schemas.load(dataset).fieldNames());
      if (names.contains("forum") && names.contains("year")) {
        assertEquals(List.of("forum", "year"), names.subList(names.size() - 2, names.size()), dataset);
      }
    }
  }

  @Test
  void aFieldWithoutDescriptionFailsEvenNestedOnes() {
    String nested = """
        {"type": "struct", "fields": [{"name": "values", "nullable": false, "metadata": {"description": "Values."},
          "type": {"type": "array", "containsNull": false, "elementType": {"type": "struct", "fields": [
            {"name": "indicator", "type": "string", "nullable": false, "metadata": {}}]}}}]}""";
    assertEquals("x.json: field values[].indicator has no description",
        assertThrows(IllegalStateException.class, () -> Schemas.parse(nested, "x.json")).getMessage());
    String blank = """
        {"type": "struct", "fields": [{"name": "n", "type": "long", "nullable": false,
          "metadata": {"description": " "}}]}""";
    assertEquals("x.json: field n has no description",
        assertThrows(IllegalStateException.class, () -> Schemas.parse(blank, "x.json")).getMessage());
  }

  @Test
  void theRejectReasonsAreTheValuesTheRejectsSchemaAllows() {
    assertEquals(java.util.Arrays.stream(org.opennessobservatory.ingest.RejectReason.values())
            .map(org.opennessobservatory.ingest.RejectReason::id).toList(),
        List.of(Schemas.load("rejects").apply("reason").metadata().getString("allowed").split(" \\| ")));
  }
}
