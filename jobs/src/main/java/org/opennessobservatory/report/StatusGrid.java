package org.opennessobservatory.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opennessobservatory.report.ReportInputs.StatusCell;

/**
 * The recommendations × years grid of implementation status: an HTML table, one row per recommendation, one column
 * per year found in recommendation_status, each cell coloured by status and titled with the rule and evidence.
 */
final class StatusGrid {
  private StatusGrid() {}

  /** Statuses from least to most done (reversed apart), with the words the legend uses. */
  static final Map<String, String> STATUSES = Map.of(
      "no_evidence", "no evidence", "discussed", "discussed", "in_progress", "in progress",
      "implemented", "implemented", "reversed", "reversed");

  static String html(List<StatusCell> cells) {
    TreeSet<Integer> years = new TreeSet<>();
    Map<String, String> topics = new java.util.TreeMap<>(RECOMMENDATION_ORDER);
    Map<String, StatusCell> byKey = new HashMap<>();
    for (StatusCell c : cells) {
      years.add(c.year());
      topics.put(c.recommendationId(), c.topic());
      byKey.put(c.recommendationId() + "\u0000" + c.year(), c);
    }
    StringBuilder b = new StringBuilder("<table class=\"grid\" id=\"status-grid-table\">\n<thead><tr>"
        + "<th scope=\"col\">recommendation</th><th scope=\"col\">topic</th>");
    years.forEach(y -> b.append("<th scope=\"col\">").append(y).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, String> rec : topics.entrySet()) {
      b.append("<tr><th scope=\"row\">").append(escapeHtml4(rec.getKey())).append("</th><td>")
          .append(escapeHtml4(rec.getValue())).append("</td>");
      for (int year : years) {
        StatusCell c = byKey.get(rec.getKey() + "\u0000" + year);
        if (c == null) {
          // A year the table has no row for: not "no evidence", which is a finding.
          b.append("<td class=\"cell missing\" title=\"no row\"></td>");
        } else {
          b.append("<td class=\"cell status-").append(escapeHtml4(c.status())).append("\" title=\"")
              .append(escapeHtml4(tooltip(c))).append("\">")
              .append(escapeHtml4(STATUSES.getOrDefault(c.status(), c.status())))
              .append("evaluator".equals(c.source()) ? "*" : "").append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody></table>\n").toString();
  }

  private static String tooltip(StatusCell c) {
    String t = "rule " + c.rule() + ", " + c.source();
    return c.evidenceDocId() == null ? t
        : t + "; evidence: " + c.evidenceTitle() + " (" + ReportPage.shortId(c.evidenceDocId()) + ")";
  }

  /** Ids such as para-9 before para-12: digits compared as numbers. */
  static final Comparator<String> RECOMMENDATION_ORDER = (a, b) -> {
    String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = isNumber(x[i]) && isNumber(y[i])
          ? new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  private static boolean isNumber(String part) {
    return !part.isEmpty() && Character.isDigit(part.charAt(0));
  }
}
