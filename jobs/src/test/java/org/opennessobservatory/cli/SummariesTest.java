package org.opennessobservatory.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table every run ends with, on hand-made counts. */
class SummariesTest {
  @Test
  void rowsPerDatasetRejectsByReasonAndSecondsPerStageWithTheirTotal() {
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("documents", 64L);
    rows.put("rejects", 6L);
    Map<String, Long> rejects = new LinkedHashMap<>();
    rejects.put("corrupt", 3L);
    rejects.put("empty", 1L);
    Map<String, Object> seconds = new LinkedHashMap<>();
    seconds.put("ingest", 12.34);
    seconds.put("segment+resolve", 7.0);
    assertEquals("""
        run summary
        dataset    rows
        ---------  ----
        documents    64
        rejects       6

        rejected as  files
        -----------  -----
        corrupt          3
        empty            1

        stage            seconds
        ---------------  -------
        ingest              12.3
        segment+resolve      7.0
        total               19.3
        """, Summaries.runTable(rows, rejects, seconds));
  }

  @Test
  void aRunWithoutRejectsSaysSo() {
    String table = Summaries.runTable(Map.of("documents", 3L), Map.of(), Map.of("ingest", 1.0));
    assertEquals(true, table.contains("\n(none)           0\n"), table);
  }
}
