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
    assertEquals("evaluator", r2023.getString(13));
    assertEquals("Ana", r2023.getString(14));
    assertEquals("advanced", r2023.getString(12));
    assertEquals(2022, r2023.getInt(11), "previous_year");
    assertEquals(39 * 2, rows.size());
  }

  /**
   * A year only an override names gives a row to that recommendation alone (no evidence was searched there for the
   * others), and change compares with the previous row's year, which previous_year names: not the calendar year
   * before when the corpus skips one.
   */
  @Test
  void anOverrideOfAnotherYearAddsOneRowAndChangeNamesTheYearItComparesWith() {
    Overrides o = overrides("recommendation,year,status,evaluator,note\np13,2012,discussed,Ana,in the WG report\n");
    List<Row> rows = TrackStage.statusRows(List.of(2019, 2021), RecommendationRegistry.shipped(), CueLexicon.shipped(),
        o, Map.of("p13|2021", Map.of("in_progress", E)));
    assertEquals(39 * 2 + 1, rows.size(), "2019 and 2021 for all 39, 2012 for p13 only");
    List<Row> p13 = rows.stream().filter(r -> r.getString(0).equals("p13")).toList();
    assertEquals(List.of(2012, 2019, 2021), p13.stream().map(r -> r.getInt(2)).toList());
    assertEquals("regressed", p13.get(1).getString(12), "discussed (override) to no_evidence");
    assertEquals(2012, p13.get(1).getInt(11));
    assertEquals("advanced", p13.get(2).getString(12));
    assertEquals(2019, p13.get(2).getInt(11), "2021 compares with 2019: the corpus has no 2020");
    Row p12 = rows.stream().filter(r -> r.getString(0).equals("p12")).findFirst().orElseThrow();
    assertEquals(2019, p12.getInt(2));
    Assertions.assertTrue(p12.isNullAt(11), "a first year has no previous_year");
    assertEquals("first", p12.getString(12));
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
    e = assertThrows(UserException.class,
        () -> overrides("recommendation,year,status,evaluator,note\np13,2203,implemented,Ana,\n"));
    assertEquals("o.csv line 2: year 2203 is outside 1990–2100", e.getMessage());
  }
}
