package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TranscriptGroupsTest {
  private static final StructType SCHEMA = new StructType().add("doc_id", DataTypes.StringType)
      .add("turn_index", DataTypes.IntegerType);

  private static Row row(String doc, int turn) {
    return new GenericRowWithSchema(new Object[] {doc, turn}, SCHEMA);
  }

  @Test
  void consecutiveRowsOfATranscriptFormOneGroup() {
    List<List<Row>> groups = new TranscriptGroups(List.of(row("a", 0), row("a", 1), row("b", 0), row("c", 0),
        row("c", 1)).iterator()).stream().toList();
    assertEquals(List.of(2, 1, 2), groups.stream().map(List::size).toList());
    assertEquals(List.of(), new TranscriptGroups(List.<Row>of().iterator()).stream().toList());
  }

  @Test
  void aTranscriptThatComesBackIsABug() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TranscriptGroups(
        List.of(row("a", 0), row("b", 0), row("a", 1)).iterator()).stream().toList());
    assertEquals("utterances of transcript a are not together in their partition", e.getMessage());
  }
}
