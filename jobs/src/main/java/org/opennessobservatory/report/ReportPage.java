package org.opennessobservatory.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.opennessobservatory.indicators.Tally;
import org.opennessobservatory.report.ReportInputs.CriterionRow;
import org.opennessobservatory.report.ReportInputs.Evidence;
import org.opennessobservatory.report.ReportInputs.ForumYearRow;
import org.opennessobservatory.report.ReportInputs.IndexRow;
import org.opennessobservatory.report.ReportInputs.InfluenceRow;
import org.opennessobservatory.report.ReportInputs.Source;
import org.opennessobservatory.report.ReportInputs.StatusCell;

/**
 * The report as one self-contained HTML page: every chart an inline SVG, every style inline, and a Content Security
 * Policy that forbids fetching anything, so that the page opens offline and any outside request it tried would be
 * a console error in the browser.
 */
public final class ReportPage {
  private ReportPage() {}

  /** The page blocks every request: scripts, fonts, images other than data: URIs, frames, connections. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  /** The chart sections, in page order: their element ids, which the browser test checks one by one. */
  public static final List<String> CHARTS = List.of("openness-over-time", "principle-scores", "group-word-shares",
      "women-shares", "gini-over-time", "recommendation-status", "influence-by-group");

  /**
   * @param html the page
   * @param drawn the chart sections drawn, with the marks each draws (Charts.marks: the grid's are its cells)
   * @param empty the chart sections that say why they have nothing to show
   */
  public record Page(String html, Map<String, Integer> drawn, List<String> empty) {}

  public static Page build(ReportInputs in) {
    Builder b = new Builder(in);
    b.opennessOverTime();
    b.principleScores();
    b.groupWordShares();
    b.womenShares();
    b.giniOverTime();
    b.recommendationStatus();
    b.influence();
    b.criteria();
    b.run();
    return b.page();
  }

  /** The first 12 hex digits of a document id: enough to find it, short enough to read. */
  static String shortId(String docId) {
    return docId.length() > 12 ? docId.substring(0, 12) : docId;
  }

  private static final class Builder {
    private final ReportInputs in;
    private final StringBuilder body = new StringBuilder();
    private final Map<String, Integer> drawn = new LinkedHashMap<>();
    private final List<String> empty = new ArrayList<>();

    Builder(ReportInputs in) {
      this.in = in;
    }

    void opennessOverTime() {
      String id = "openness-over-time";
      List<IndexRow> rows = in.index().stream().filter(r -> r.overall() != null).toList();
      if (rows.isEmpty()) {
        missing(id, "Openness index over time", "openness_index", "no forum-year has an overall "
          + "score: none of the rubric's criteria could be assessed");
        return;
      }
      DoubleSummaryStatistics coverage = rows.stream().mapToDouble(IndexRow::coverage).summaryStatistics();
      long without = in.index().size() - rows.size();
      chart(id, "Openness index over time", "openness_index", forumYears(rows, IndexRow::forum, IndexRow::year)
          + "; coverage (share of the rubric's weight assessed) " + range(coverage.getMin(), coverage.getMax())
          + ": read each overall with its coverage" + (without == 0 ? "" : "; " + count(without, "forum-year")
          + " without an overall left out"), Charts.opennessOverTime(rows), 900, 420);
    }

    void principleScores() {
      String id = "principle-scores";
      List<IndexRow> rows = in.index().stream()
          .filter(r -> r.principles().values().stream().anyMatch(Objects::nonNull)).toList();
      if (rows.isEmpty()) {
        missing(id, "Principle scores per forum-year", "openness_index",
          "no forum-year has a principle score");
        return;
      }
      int scores = (int) rows.stream().flatMap(r -> r.principles().values().stream()).filter(Objects::nonNull).count();
      chart(id, "Principle scores per forum-year", "openness_index", forumYears(rows, IndexRow::forum, IndexRow::year)
          + "; " + scores + " of " + rows.size() * Charts.PRINCIPLES.size() + " principle scores: a principle none of "
          + "whose criteria could be assessed has no bar", Charts.principleScores(rows), 900, 0);
    }

    void groupWordShares() {
      String id = "group-word-shares";
      List<ForumYearRow> rows = in.forumYears().stream()
          .filter(r -> r.groupWordShares().values().stream().anyMatch(Objects::nonNull)).toList();
      if (rows.isEmpty()) {
        missing(id, "Stakeholder groups' shares of the words spoken", "forum_year_indicators",
          "no forum-year has transcript turns");
        return;
      }
      chart(id, "Stakeholder groups' shares of the words spoken", "forum_year_indicators", forumYears(rows,
          ForumYearRow::forum, ForumYearRow::year) + " with transcript turns (of " + in.forumYears().size()
          + " in the dataset); word_share_* by the group of the speaker that year, 'unknown' for turns nobody could "
          + "place", Charts.groupWordShares(rows, Tally.GROUPS), 900, 0);
    }

    void womenShares() {
      String id = "women-shares";
      List<ForumYearRow> rows = in.forumYears().stream().filter(r -> r.womenWordShare() != null
          || r.womenSpeakerShare() != null || r.womenPresenceShare() != null).toList();
      if (rows.isEmpty()) {
        missing(id, "Women's share of speaking and of registrations or attendance", "forum_year_indicators",
          "no forum-year has a speaker of known gender nor attendance figures by gender");
        return;
      }
      List<ForumYearRow> present = rows.stream().filter(r -> r.womenPresenceShare() != null).toList();
      // Named after the figures used: registry/attendance.csv gives registrations where a forum publishes them.
      String populations = Charts.populations(rows);
      DoubleSummaryStatistics coverage = rows.stream().map(ForumYearRow::genderCoverage).filter(Objects::nonNull)
          .mapToDouble(Double::doubleValue).summaryStatistics();
      String perForumYear = present.stream().map(r -> Charts.forumYear(r.forum(), r.year()) + ": "
          + r.womenPresencePopulation()).collect(Collectors.joining(", "));
      chart(id, "Women's share of speaking" + (populations == null ? "" : " and of " + populations),
          "forum_year_indicators", forumYears(rows, ForumYearRow::forum, ForumYearRow::year) + "; gender known "
          + "(self-declared or stated, never guessed) for " + (coverage.getCount() == 0 ? "none"
          : range(coverage.getMin(), coverage.getMax())) + " of the named speakers' words (gender_coverage); "
          + (present.isEmpty() ? "no forum-year has gender figures in registry/attendance.csv"
          : "women's share of " + populations + " from registry/attendance.csv for " + count(present.size(),
          "forum-year") + " (" + perForumYear + ")"), Charts.womenShares(rows), 900, 0);
    }

    void giniOverTime() {
      String id = "gini-over-time";
      List<ForumYearRow> rows = in.forumYears().stream()
          .filter(r -> r.giniWords() != null && r.year() != null).toList();
      if (rows.isEmpty()) {
        missing(id, "Concentration of the floor over time", "forum_year_indicators",
          "no forum-year has named speakers");
        return;
      }
      long min = rows.stream().map(ForumYearRow::speakers).filter(Objects::nonNull).mapToLong(Long::longValue)
          .min().orElse(0);
      long max = rows.stream().map(ForumYearRow::speakers).filter(Objects::nonNull).mapToLong(Long::longValue)
          .max().orElse(0);
      chart(id, "Concentration of the floor over time", "forum_year_indicators", forumYears(rows,
          ForumYearRow::forum, ForumYearRow::year) + "; gini_words over the words of each named speaker, " + min
          + (min == max ? "" : "–" + max) + " speakers per forum-year: 0 = every speaker spoke as much, towards 1 = "
          + "one speaker held the floor", Charts.giniOverTime(rows), 900, 420);
    }

    void recommendationStatus() {
      String id = "recommendation-status";
      String title = "Implementation of the 2012 CSTD recommendations";
      if (in.statuses().isEmpty()) {
        missing(id, title, "recommendation_status", "no recommendation was tracked");
        return;
      }
      long recommendations = in.statuses().stream().map(StatusCell::recommendationId).distinct().count();
      TreeSet<Integer> years = in.statuses().stream().map(StatusCell::year)
          .collect(Collectors.toCollection(TreeSet::new));
      long overridden = in.statuses().stream().filter(c -> "evaluator".equals(c.source())).count();
      JFreeChart chart = StatusGrid.chart(in.statuses());
      section(id, title, "recommendation_status", recommendations + " recommendations × " + years.size() + " years ("
          + years.first() + "–" + years.last() + "), " + in.statuses().size() + " cells, a blank where a "
          + "recommendation has no row for a year; * = set by an evaluator (" + overridden + "), the other cells by "
          + "the rules from the evidence; hover a cell for its rule and evidence, or open the table below",
          svg(id, chart, 900, StatusGrid.height(in.statuses())) + StatusGrid.evidenceTable(in.statuses()),
          Charts.marks(chart));
    }

    void influence() {
      String id = "influence-by-group";
      String title = "Influence of each stakeholder group on the outcomes";
      if (in.influence().isEmpty()) {
        missing(id, title, "influence_by_group", "no outcome had contributions "
          + "published before it in the same process");
        return;
      }
      Map<String, String> labels = outcomeLabels(in.influence());
      long groups = in.influence().stream().map(InfluenceRow::stakeholderGroup).distinct().count();
      JFreeChart chart = Charts.influence(in.influence(), labels);
      StringBuilder table = new StringBuilder("<table><thead><tr><th>outcome</th><th>group</th><th>share</th>"
          + "<th>normalised share</th><th>passages</th></tr></thead><tbody>\n");
      for (InfluenceRow r : in.influence()) {
        table.append("<tr><td>").append(escapeHtml4(labels.get(r.outcomeDocId()))).append("</td><td>")
            .append(escapeHtml4(Charts.label(r.stakeholderGroup()))).append("</td><td class=\"num\">")
            .append(fmt(r.share())).append("</td><td class=\"num\">").append(fmt(r.normalisedShare()))
            .append("</td><td class=\"num\">").append(r.passages()).append("</td></tr>\n");
      }
      table.append("</tbody></table>\n");
      section(id, title, "influence_by_group", labels.size() + " outcomes, " + groups + " stakeholder groups; share = "
          + "the outcome's characters found in the group's contributions (characters several groups wrote count for "
          + "each, so shares are not stacked); normalised share = share ÷ the group's share of the contributions",
          svg(id, chart, 900, barHeight(chart)) + table, Charts.marks(chart));
    }

    void criteria() {
      body.append("<section id=\"criteria\">\n<h2>Criteria and their evidence</h2>\n");
      Source source = in.sources().get("openness_criteria");
      if (in.criteria().isEmpty()) {
        body.append("<p class=\"no-data\">").append(absence(source, "no criterion was scored")).append("</p>\n");
      } else {
        body.append("<p class=\"source\">Source: <code>openness_criteria</code>, document titles from "
            + "<code>documents</code>. Each criterion with its score (blank = not assessed), its weight in its "
            + "principle and the documents its indicators were computed from (at most ")
            .append(ReportReader.EVIDENCE_LISTED).append(" listed).</p>\n");
        Map<String, List<CriterionRow>> byForumYear = in.criteria().stream().collect(Collectors.groupingBy(
            r -> Charts.forumYear(r.forum(), r.year()), java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<CriterionRow>> e : byForumYear.entrySet()) {
          long assessed = e.getValue().stream().filter(r -> r.score() != null).count();
          body.append("<details><summary>").append(escapeHtml4(e.getKey())).append(": ").append(assessed)
              .append(" of ").append(e.getValue().size()).append(" criteria assessed</summary>\n<table><thead><tr>"
                  + "<th>criterion</th><th>principle</th><th>score</th><th>weight</th><th>evidence</th></tr></thead>"
                  + "<tbody>\n");
          for (CriterionRow r : e.getValue()) {
            body.append("<tr><td><code>").append(escapeHtml4(r.criterionId())).append("</code> ")
                .append(escapeHtml4(r.label())).append("</td><td>")
                .append(escapeHtml4(Charts.PRINCIPLES.getOrDefault(r.principle(), r.principle())))
                .append("</td><td class=\"num\">").append(r.score() == null ? "" : fmt(r.score()))
                .append("</td><td class=\"num\">").append(fmt(r.weight())).append("</td><td>")
                .append(evidence(r)).append("</td></tr>\n");
          }
          body.append("</tbody></table></details>\n");
        }
      }
      body.append("</section>\n");
    }

    void run() {
      body.append("<section id=\"run\">\n<h2>The run</h2>\n");
      Map<String, Object> run = in.run();
      if (run == null) {
        body.append("<p class=\"no-data\">No run manifest (_run.json) in this output root.</p>\n");
      } else {
        body.append("<table class=\"run\"><tbody>\n");
        for (String key : List.of("run_id", "command", "started_at", "versions", "corpus", "datasets",
            "stage_seconds")) {
          Object v = run.get(key);
          if (v != null) {
            body.append("<tr><th scope=\"row\">").append(escapeHtml4(key)).append("</th><td>")
                .append(escapeHtml4(v instanceof Map<?, ?> m ? m.entrySet().stream()
                    .filter(x -> !(x.getValue() instanceof Map<?, ?> || x.getValue() instanceof List<?>))
                    .map(x -> x.getKey() + " " + (x.getValue() instanceof Double d ? fmt(d) : x.getValue()))
                    .collect(Collectors.joining(", ")) : String.valueOf(v)))
                .append("</td></tr>\n");
          }
        }
        body.append("</tbody></table>\n");
      }
      body.append("</section>\n");
    }

    Page page() {
      StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n"
          + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          + "<title>Openness Observatory report</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
          + "<header><h1>Openness Observatory report</h1>\n<p>How open the forums of this run were, from their "
          + "documents and transcripts. Every figure comes from the run's datasets named under each chart; the "
          + "schema files define each column.");
      Object runId = in.run() == null ? null : in.run().get("run_id");
      if (runId != null) {
        html.append(" Run <code>").append(escapeHtml4(runId.toString())).append("</code>.");
      }
      html.append("</p>\n<nav><ul>\n");
      for (String id : CHARTS) {
        html.append("<li><a href=\"#").append(id).append("\">").append(escapeHtml4(titles.get(id)))
            .append("</a></li>\n");
      }
      html.append("<li><a href=\"#criteria\">Criteria and their evidence</a></li>\n<li><a href=\"#run\">The run"
          + "</a></li>\n</ul></nav></header>\n<main>\n").append(body).append("</main>\n<footer id=\"end\">"
          + "Openness Observatory").append(version()).append("</footer>\n</body>\n</html>\n");
      return new Page(html.toString(), drawn, empty);
    }

    private final Map<String, String> titles = new LinkedHashMap<>();

    private void chart(String id, String title, String dataset, String coverage, JFreeChart chart, int width,
        int height) {
      section(id, title, dataset, coverage, svg(id, chart, width, height > 0 ? height : barHeight(chart)),
          Charts.marks(chart));
    }

    private void section(String id, String title, String dataset, String coverage, String content, int items) {
      titles.put(id, title);
      drawn.put(id, items);
      body.append("<section class=\"chart\" id=\"").append(id).append("\" data-items=\"").append(items)
          .append("\">\n<h2>").append(escapeHtml4(title)).append("</h2>\n<p class=\"source\">Source: <code>")
          .append(dataset).append("</code>. ").append(escapeHtml4(coverage)).append(".</p>\n").append(content)
          .append("</section>\n");
    }

    /** The section of a chart with nothing to show: why, in one line. */
    private void missing(String id, String title, String dataset, String whyEmpty) {
      titles.put(id, title);
      empty.add(id);
      body.append("<section class=\"chart empty\" id=\"").append(id).append("\" data-items=\"0\">\n<h2>")
          .append(escapeHtml4(title)).append("</h2>\n<p class=\"no-data\">")
          .append(absence(in.sources().get(dataset), whyEmpty)).append("</p>\n</section>\n");
    }

    private String absence(Source source, String whyEmpty) {
      String code = "<code>" + escapeHtml4(source.dataset()) + "</code>";
      return !source.present() ? "Nothing to show: " + code + " is not in this run's output (run every stage with "
          + "<code>observatory run</code>)."
          : "Nothing to show: " + code + " has " + source.rows() + " rows, and " + escapeHtml4(whyEmpty) + ".";
    }

    private String svg(String id, JFreeChart chart, int width, int height) {
      return "<figure>" + Svg.render(chart, id + "-svg", width, height) + "</figure>\n";
    }

    private String version() {
      Object versions = in.run() == null ? null : in.run().get("versions");
      return versions instanceof Map<?, ?> m && m.get("version") != null ? " " + escapeHtml4(m.get("version")
          .toString()) : "";
    }
  }

  /** A horizontal bar chart's height: room for every bar of every category, plus axis and legend. */
  static int barHeight(JFreeChart chart) {
    CategoryDataset data = chart.getCategoryPlot().getDataset();
    boolean stacked = chart.getCategoryPlot().getRenderer() instanceof org.jfree.chart.renderer.category
        .StackedBarRenderer;
    int perCategory = stacked ? 22 : 10 + 9 * data.getRowCount();
    return Math.max(260, 130 + data.getColumnCount() * perCategory);
  }

  /** Outcome titles as chart categories: shortened, with forum and year; the id when two read the same. */
  static Map<String, String> outcomeLabels(List<InfluenceRow> rows) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (InfluenceRow r : rows) {
      String title = r.outcomeTitle() == null ? shortId(r.outcomeDocId()) : r.outcomeTitle();
      labels.putIfAbsent(r.outcomeDocId(), (title.length() > 50 ? title.substring(0, 49) + "…" : title) + " ("
          + r.forum() + (r.year() == null ? "" : " " + r.year()) + ")");
    }
    Map<String, Long> counts = labels.values().stream().collect(Collectors.groupingBy(l -> l,
        Collectors.counting()));
    labels.replaceAll((id, l) -> counts.get(l) > 1 ? l + " " + shortId(id) : l);
    return labels;
  }

  private static String evidence(CriterionRow r) {
    if (r.evidenceDocuments() == 0) {
      return "<span class=\"none\">none</span>";
    }
    String listed = r.evidence().stream().sorted(Comparator.comparing(Evidence::title))
        .map(e -> escapeHtml4(e.title()) + " <code title=\"" + escapeHtml4(e.docId()) + "\">"
            + escapeHtml4(shortId(e.docId())) + "</code>").collect(Collectors.joining("<br>"));
    int more = r.evidenceDocuments() - r.evidence().size();
    return more > 0 ? listed + "<br>… and " + more + " more" : listed;
  }

  private static <T> String forumYears(List<T> rows, java.util.function.Function<T, String> forum,
      java.util.function.Function<T, Integer> year) {
    TreeSet<String> forums = rows.stream().map(forum).collect(Collectors.toCollection(TreeSet::new));
    TreeSet<Integer> years = rows.stream().map(year).filter(Objects::nonNull)
        .collect(Collectors.toCollection(TreeSet::new));
    return count(rows.size(), "forum-year") + " of " + count(forums.size(), "forum") + " ("
        + String.join(", ", forums) + "), " + (years.isEmpty() ? "no year"
        : years.first() + (years.size() == 1 ? "" : "–" + years.last()));
  }

  /** "1 forum-year", "2 forum-years". */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String range(double min, double max) {
    return fmt(min).equals(fmt(max)) ? fmt(min) : fmt(min) + "–" + fmt(max);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static final String STYLE = """
      body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 0 auto; max-width: 1000px;
        padding: 0 1em 2em; color: #222; line-height: 1.4; }
      h1 { margin-bottom: 0.2em; }
      section { margin: 2em 0; border-top: 1px solid #ccc; }
      figure { margin: 0.5em 0; }
      figure svg { width: 100%; height: auto; max-width: 960px; }
      p.source { color: #555; font-size: 0.9em; }
      p.no-data { background: #fff4d6; padding: 0.6em; }
      table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
      th, td { border: 1px solid #ddd; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
      td.num { text-align: right; }
      details { margin: 0.4em 0; }
      summary { cursor: pointer; }
      .none { color: #999; }
      """;
}
