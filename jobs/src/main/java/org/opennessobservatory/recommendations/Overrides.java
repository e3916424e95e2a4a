package org.opennessobservatory.recommendations;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.Forums;
import org.opennessobservatory.io.CsvTable;

/**
 * Evaluators' judgements ({@code <corpus>/registry/recommendation-overrides.csv}: recommendation, year, status,
 * evaluator, note). Each row replaces the computed status of its recommendation-year; the row keeps source =
 * evaluator. Checked whole: unknown recommendation, bad year or status, no evaluator, a second row for the same
 * recommendation-year — each a "file line N:" message.
 */
public record Overrides(String source, Map<String, Override> byKey) implements Serializable {
  public static final String PATH = "registry/recommendation-overrides.csv";
  public static final List<String> COLUMNS = List.of("recommendation", "year", "status", "evaluator", "note");

  public record Override(String recommendationId, int year, String status, String evaluator, String note)
      implements Serializable {}

  public static Overrides none() {
    return new Overrides(null, Map.of());
  }

  public static String key(String recommendationId, int year) {
    return recommendationId + "|" + year;
  }

  public static Overrides of(CsvTable table, RecommendationRegistry registry) {
    Map<String, Override> rows = new LinkedHashMap<>();
    Map<String, Long> lines = new HashMap<>();
    for (CsvTable.Line l : table.lines()) {
      String at = table.where(l);
      String rec = l.get("recommendation");
      if (rec == null || registry.recommendations().stream().noneMatch(r -> r.id().equals(rec))) {
        throw new UserException(at + "recommendation '" + rec + "' is not in registry " + registry.source());
      }
      int year;
      try {
        year = Integer.parseInt(l.get("year") == null ? "" : l.get("year"));
      } catch (NumberFormatException e) {
        throw new UserException(at + "year '" + l.get("year") + "' is not a year");
      }
      if (!Forums.plausibleYear(year)) {
        // A typo (2203 for 2023) would add a year of rows nobody meant, and take the real year's override away.
        throw new UserException(at + "year " + year + " is outside " + Forums.MIN_YEAR + "–" + Forums.MAX_YEAR);
      }
      String status = l.get("status");
      if (status == null || !StatusRules.STATUSES.contains(status)) {
        throw new UserException(at + "status '" + status + "' is not one of " + StatusRules.STATUSES);
      }
      String evaluator = l.get("evaluator");
      if (evaluator == null) {
        throw new UserException(at + "no evaluator: say who made the judgement");
      }
      String key = key(rec, year);
      Long first = lines.putIfAbsent(key, l.number());
      if (first != null) {
        throw new UserException(at + rec + " " + year + " is already overridden at line " + first);
      }
      rows.put(key, new Override(rec, year, status, evaluator, l.get("note")));
    }
    return new Overrides(table.source(), Map.copyOf(rows));
  }
}
