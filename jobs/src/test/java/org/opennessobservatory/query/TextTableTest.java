package org.opennessobservatory.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Console tables: aligned columns, numbers on the right, NULL for null, long or multi-line cells kept on a line. */
class TextTableTest {
  @Test
  void alignsColumnsAndRightAlignsNumbers() {
    String table = TextTable.format(List.of("name", "n"), new boolean[] {false, true},
        List.of(List.of("documents", "64"), List.of("rejects", "6"), Arrays.asList("x", null)));
    assertEquals("""
        name          n
        ---------  ----
        documents    64
        rejects       6
        x          NULL
        """, table);
  }

  @Test
  void longCellsAreCutAndLineBreaksFlattened() {
    assertEquals("a b c", TextTable.cell("a\nb\r\n\tc"));
    String cut = TextTable.cell("x".repeat(70));
    assertEquals(TextTable.MAX_CELL, cut.length());
    assertEquals("x".repeat(TextTable.MAX_CELL - 1) + "…", cut);
  }
}
