package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

class StatusRulesTest {
  private static final StatusRules.ClassEvidence E = new StatusRules.ClassEvidence(1, "d", "p", 3.0);

  @Test
  void rulesInOrder() {
    assertEquals("no_evidence", StatusRules.decide(Map.of()).status());
    assertEquals("reversed", StatusRules.decide(Map.of("reversed", E, "implemented", E)).status());
    assertEquals("implemented", StatusRules.decide(Map.of("implemented", E, "mentioned", E)).status());
    assertEquals(2, StatusRules.decide(Map.of("implemented", E, "mentioned", E)).evidenceCount());
    assertEquals("in_progress", StatusRules.decide(Map.of("in_progress", E)).status());
    assertEquals("discussed", StatusRules.decide(Map.of("mentioned", E)).status());
    assertEquals("advanced", StatusRules.change("discussed", "implemented"));
    assertEquals("reversed", StatusRules.change("implemented", "reversed"));
    assertEquals("first", StatusRules.change(null, "no_evidence"));
    assertEquals("regressed", StatusRules.change("in_progress", "discussed"));
  }

  private static Overrides overrides(String csv) {
    return Overrides.of(CsvTable.read(new StringReader(csv), "o.csv", Overrides.COLUMNS),
        RecommendationRegistry.shipped());
  }

  @Test
  void anOverrideWinsAndIsRecordedAsTheEvaluators() {
    Overrides o = overrides("recommendation,year,status,evaluator,note\np13,2023,implemented,Ana,seen in print\n");
    List<Row> rows = TrackStage.statusRows(List.of(2022, 2023), RecommendationRegistry.shipped(), CueLexicon.shipped(),
        o, Map.of("p13|2023", Map.of("in_progress", E)));
    Row r2023 = rows.stream().filter(r -> r.getString(0).equals("p13") && r.getInt(2) == 2023).findFirst().orElseThrow();
    assertEquals("implemented", r2023.getString(3));
    assertEquals("in_progress", r2023.getString(9));
    assertEquals("evaluator", r2023.getString(12));
    assertEquals("Ana", r2023.getString(13));
    assertEquals("advanced", r2023.getString(11));
    assertEquals(39 * 2, rows.size());
  }

  @Test
  void overrideFaultsNameTheLine() {
    UserException e = assertThrows(UserException.class,
        () -> overrides("recommendation,year,status,evaluator,note\np13,2023,done,Ana,\n"));
    Assertions.assertTrue(e.getMessage().startsWith("o.csv line 2: status 'done' is not one of"), e.getMessage());
    e = assertThrows(UserException.class,
        () -> overrides("recommendation,year,status,evaluator,note\np99,2023,implemented,Ana,\n"));
    Assertions.assertTrue(e.getMessage().startsWith("o.csv line 2: recommendation 'p99'"), e.getMessage());
    e = assertThrows(UserException.class, () -> overrides(
        "recommendation,year,status,evaluator,note\np13,2023,implemented,Ana,\np13,2023,discussed,Bo,\n"));
    assertEquals("o.csv line 3: p13 2023 is already overridden at line 2", e.getMessage());
  }
}
