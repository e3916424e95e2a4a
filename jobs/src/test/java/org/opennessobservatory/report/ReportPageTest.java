package org.opennessobservatory.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.indicators.Tally;
import org.opennessobservatory.report.ReportInputs.CriterionRow;
import org.opennessobservatory.report.ReportInputs.Evidence;
import org.opennessobservatory.report.ReportInputs.ForumYearRow;
import org.opennessobservatory.report.ReportInputs.IndexRow;
import org.opennessobservatory.report.ReportInputs.InfluenceRow;
import org.opennessobservatory.report.ReportInputs.Source;
import org.opennessobservatory.report.ReportInputs.StatusCell;

/** The page and its charts built from small hand-made inputs, without Spark. */
class ReportPageTest {
  static final String DOC_A = "a".repeat(64);
  static final String DOC_B = "b".repeat(64);

  @Test
  void theStatusGridDrawsOneBlockPerRecommendationAndYearInNaturalOrder() {
    List<StatusCell> cells = List.of(
        new StatusCell("p12", "II", 2023, "implemented", "R2", "computed", DOC_A, "Chair's summary"),
        new StatusCell("p9", "I", 2022, "discussed", "R4", "computed", null, null),
        new StatusCell("p12", "II", 2022, "in_progress", "R3", "evaluator", DOC_B, "MAG <minutes>"));
    JFreeChart chart = StatusGrid.chart(cells);
    XYPlot plot = chart.getXYPlot();
    assertEquals(List.of("2022", "2023"), List.of(((SymbolAxis) plot.getDomainAxis()).getSymbols()));
    // p9 before p12 (digits compared as numbers, not "p12" < "p9"), each with its topic.
    assertEquals(List.of("p9 (I)", "p12 (II)"), List.of(((SymbolAxis) plot.getRangeAxis()).getSymbols()));
    // (year index, recommendation index, status index in no_evidence, discussed, in_progress, implemented, reversed):
    // p12 2023 implemented = (1, 1, 3); p9 2022 discussed = (0, 0, 1); p12 2022 in_progress = (0, 1, 2).
    // p9 has no row for 2023: no block, not a "no evidence" one.
    XYZDataset data = (XYZDataset) plot.getDataset();
    assertEquals(3, data.getItemCount(0));
    assertEquals(List.of("1,1,3", "0,0,1", "0,1,2"), List.of(cell(data, 0), cell(data, 1), cell(data, 2)));
    assertEquals(3, Charts.marks(chart), "one mark per cell");
    XYBlockRenderer renderer = (XYBlockRenderer) plot.getRenderer();
    assertEquals(StatusGrid.COLOURS.get("discussed"), renderer.getPaintScale().getPaint(1));
    assertEquals(StatusGrid.COLOURS.get("reversed"), renderer.getPaintScale().getPaint(4));
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
      legend.add(plot.getLegendItems().get(i).getLabel());
    }
    assertEquals(List.of("no evidence", "discussed", "in progress", "implemented", "reversed"), legend);
    assertEquals("*", renderer.getItemLabelGenerator(0, 2).generateLabel(data, 0, 2), "set by an evaluator");
    assertNull(renderer.getItemLabelGenerator(0, 0).generateLabel(data, 0, 0));

    // Drawn: each block in its own group, titled with its rule and evidence (escaped for XML).
    String svg = Svg.render(chart, "grid", 900, StatusGrid.height(cells));
    assertEquals(3, count(svg, "<g id='" + StatusGrid.CELL_ID), svg);
    assertTrue(svg.contains("<g id='" + StatusGrid.CELL_ID + "2'><title>p12 2022: in progress (rule R3, evaluator); "
        + "evidence: MAG &lt;minutes&gt; (bbbbbbbbbbbb)</title>"), svg);
    assertTrue(svg.contains("<title>p9 2022: discussed (rule R4, computed)</title>"), svg);

    String table = StatusGrid.evidenceTable(cells);
    assertEquals(List.of("p9|I|2022|discussed|R4|computed", "p12|II|2022|in progress|R3|evaluator",
        "p12|II|2023|implemented|R2|computed"), rows(table));
    assertTrue(table.contains("MAG &lt;minutes&gt; <code title=\"" + DOC_B + "\">bbbbbbbbbbbb</code>"), table);
  }

  /** A registry may write one id as p9 and another as p09: two recommendations, two rows. */
  @Test
  void idsEqualAsNumbersButWrittenApartKeepTheirOwnRows() {
    List<StatusCell> cells = List.of(
        new StatusCell("p9", "I", 2022, "discussed", "R4", "computed", null, null),
        new StatusCell("p09", "IX", 2022, "implemented", "R2", "computed", null, null),
        new StatusCell("p10", "X", 2022, "no_evidence", "R1", "computed", null, null));
    XYPlot plot = StatusGrid.chart(cells).getXYPlot();
    assertEquals(List.of("p09 (IX)", "p9 (I)", "p10 (X)"), List.of(((SymbolAxis) plot.getRangeAxis()).getSymbols()));
    assertEquals(3, ((XYZDataset) plot.getDataset()).getItemCount(0));
    assertTrue(StatusGrid.RECOMMENDATION_ORDER.compare("p9", "p09") != 0);
    assertTrue(StatusGrid.RECOMMENDATION_ORDER.compare("p9", "p10") < 0);
  }

  @Test
  void chartsCarryTheValuesOfTheirRowsAndLeaveNullsOut() {
    List<IndexRow> index = List.of(index("igf", 2022, 40.0, 0.9, 0.5, null),
        index("igf", 2023, null, 0.0, null, null), index("eurodig", 2023, 55.5, 0.7, 0.25, 0.75));
    XYSeriesCollection over = (XYSeriesCollection) Charts.opennessOverTime(index).getXYPlot().getDataset();
    assertEquals(2, over.getSeriesCount());
    assertEquals("eurodig", over.getSeriesKey(0));
    assertEquals(1, over.getItemCount(0));
    assertEquals(2023, over.getX(0, 0).intValue());
    assertEquals(55.5, over.getYValue(0, 0));
    assertEquals(1, over.getItemCount(1), "igf 2023 has no overall: no point, not a 0");
    assertEquals(40.0, over.getYValue(1, 0));

    CategoryDataset principles = dataset(Charts.principleScores(index));
    assertEquals(0.5, principles.getValue("Participation", "igf 2022").doubleValue());
    assertNull(principles.getValue("Diversity", "igf 2022"));
    assertEquals(0.75, principles.getValue("Diversity", "eurodig 2023").doubleValue());

    Map<String, Double> shares = new HashMap<>();
    shares.put("government", 0.25);
    shares.put("civil_society", 0.75);
    ForumYearRow fy = new ForumYearRow("ukigf", 2024, shares, 0.4, 0.5, 0.8, null, null, 0.3, 6L);
    JFreeChart groupChart = Charts.groupWordShares(List.of(fy), Tally.GROUPS);
    CategoryDataset groups = dataset(groupChart);
    assertEquals(Charts.GROUP_COLOURS.get("civil society"), groupChart.getCategoryPlot().getRenderer()
        .getSeriesPaint(groups.getRowIndex("civil society")), "a group has the same colour in every chart");
    assertEquals(0.75, groups.getValue("civil society", "ukigf 2024").doubleValue());
    assertEquals(0.25, groups.getValue("government", "ukigf 2024").doubleValue());
    assertNull(groups.getValue("academia", "ukigf 2024"));

    CategoryDataset women = dataset(Charts.womenShares(List.of(fy)));
    assertEquals(0.4, women.getValue(Charts.WOMEN_WORDS, "ukigf 2024").doubleValue());
    assertEquals(0.5, women.getValue(Charts.WOMEN_SPEAKERS, "ukigf 2024").doubleValue());
    assertEquals(List.of(Charts.WOMEN_WORDS, Charts.WOMEN_SPEAKERS), women.getRowKeys(),
        "no gender figures in registry/attendance.csv: no bar, nor a legend entry for them");
    // The attendance bars are named after the populations their figures come from, in order of preference.
    ForumYearRow registered = new ForumYearRow("igf", 2023, shares, 0.3, 0.35, 0.9, 0.42, "registrants", 0.2, 9L);
    ForumYearRow onsite = new ForumYearRow("igf", 2024, shares, 0.3, 0.35, 0.9, 0.38, "onsite", 0.2, 9L);
    CategoryDataset attended = dataset(Charts.womenShares(List.of(fy, onsite, registered)));
    String label = "of registrants or those present onsite (registry/attendance.csv)";
    assertEquals(label, attended.getRowKey(2));
    assertEquals(0.42, attended.getValue(label, "igf 2023").doubleValue());
    assertEquals(0.38, attended.getValue(label, "igf 2024").doubleValue());
    assertNull(attended.getValue(label, "ukigf 2024"));

    XYSeriesCollection gini = (XYSeriesCollection) Charts.giniOverTime(List.of(fy)).getXYPlot().getDataset();
    assertEquals(0.3, gini.getYValue(0, 0));
  }

  @Test
  void outcomesThatReadTheSameAreToldApartByTheirIds() {
    Map<String, String> labels = ReportPage.outcomeLabels(List.of(
        new InfluenceRow(DOC_A, "Messages", "eurodig", 2023, "government", 0.1, 1.0, 1),
        new InfluenceRow(DOC_A, "Messages", "eurodig", 2023, "civil_society", 0.2, 2.0, 2),
        new InfluenceRow(DOC_B, "Messages", "eurodig", 2023, "government", 0.0, 0.0, 0)));
    assertEquals(Map.of(DOC_A, "Messages (eurodig 2023) aaaaaaaaaaaa", DOC_B, "Messages (eurodig 2023) bbbbbbbbbbbb"),
        labels);
    CategoryDataset data = dataset(Charts.influence(List.of(
        new InfluenceRow(DOC_A, "Messages", "eurodig", 2023, "civil_society", 0.2, 2.0, 2)), labels));
    assertEquals(0.2, data.getValue("civil society", labels.get(DOC_A)).doubleValue());
  }

  @Test
  void aPageWithEveryDatasetDrawsEveryChartAsInlineSvgAndEscapesTitles() {
    ReportPage.Page page = ReportPage.build(full());
    String html = page.html();
    assertEquals(ReportPage.CHARTS, List.copyOf(page.drawn().keySet()));
    assertEquals(List.of(), page.empty());
    assertEquals(Map.of("openness-over-time", 2, "principle-scores", 3, "group-word-shares", 8, "women-shares", 3,
        "gini-over-time", 1, "recommendation-status", 2, "influence-by-group", 1), page.drawn());
    for (String id : ReportPage.CHARTS) {
      assertTrue(html.contains("<section class=\"chart\" id=\"" + id + "\""), id);
    }
    assertEquals(7, count(html, "<svg "), "every chart drawn as SVG, the status grid too");
    assertEquals(2, count(html, "<g id='" + StatusGrid.CELL_ID), "the grid's two cells");
    assertTrue(html.contains("content=\"" + ReportPage.CSP + "\""));
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing fetched from elsewhere");
    assertFalse(html.contains("<script"), "no script at all, so no title can inject one");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; <code title=\"" + DOC_B + "\">bbbbbbbbbbbb</code>"),
        "evidence listed by title and id");
    assertTrue(html.contains("… and 11 more"), "12 evidence documents, one listed");
    assertTrue(html.contains("Source: <code>forum_year_indicators</code>. 1 forum-year of 1 forum (ukigf), 2024; "
        + "gender known"), html);
    assertTrue(html.contains("<h2>Women's share of speaking and of registrants</h2>"), html);
    assertTrue(html.contains("women's share of registrants from registry/attendance.csv for 1 forum-year (ukigf 2024: "
        + "registrants)"), html);
    assertTrue(html.contains("run-1"));
  }

  @Test
  void chartsWithoutDataSayWhyInsteadOfFailing() {
    Map<String, Source> sources = new LinkedHashMap<>();
    for (String d : ReportReader.DATASETS) {
      sources.put(d, new Source(d, !d.equals("influence_by_group"), d.equals("forum_year_indicators") ? 3 : 0));
    }
    ReportPage.Page page = ReportPage.build(new ReportInputs(sources, List.of(), List.of(), List.of(), List.of(),
        List.of(), null));
    assertEquals(ReportPage.CHARTS, page.empty());
    assertEquals(Map.of(), page.drawn());
    String html = page.html();
    assertEquals(0, count(html, "<svg "));
    assertTrue(html.contains("Nothing to show: <code>influence_by_group</code> is not in this run's output"));
    assertTrue(html.contains("Nothing to show: <code>forum_year_indicators</code> has 3 rows, and no forum-year "
        + "has transcript turns."));
    assertTrue(html.contains("No run manifest"));
    assertTrue(html.contains("<footer id=\"end\">"));
  }

  static ReportInputs full() {
    Map<String, Source> sources = new LinkedHashMap<>();
    ReportReader.DATASETS.forEach(d -> sources.put(d, new Source(d, true, 1)));
    Map<String, Double> shares = new LinkedHashMap<>();
    Tally.GROUPS.forEach(g -> shares.put(g, 1.0 / Tally.GROUPS.size()));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("run_id", "run-1");
    run.put("datasets", Map.of("documents", 3L));
    return new ReportInputs(sources,
        List.of(index("igf", 2022, 40.0, 0.9, 0.5, null), index("igf", 2023, 42.0, 0.9, 0.5, 0.5)),
        List.of(new ForumYearRow("ukigf", 2024, shares, 0.4, 0.5, 0.8, 0.45, "registrants", 0.3, 6L)),
        List.of(new StatusCell("p12", "II", 2023, "implemented", "R2", "computed", DOC_A, "Summary"),
            new StatusCell("p12", "II", 2022, "no_evidence", "R0", "computed", null, null)),
        List.of(new InfluenceRow(DOC_A, "Messages", "eurodig", 2023, "civil_society", 0.2, 2.0, 2)),
        List.of(new CriterionRow("igf", 2022, "P1", "participation", "Remote participation", 0.5, 0.25,
            List.of(new Evidence(DOC_B, "<script>alert(1)</script>")), 12)),
        run);
  }

  static IndexRow index(String forum, int year, Double overall, double coverage, Double participation,
      Double diversity) {
    Map<String, Double> p = new LinkedHashMap<>();
    Charts.PRINCIPLES.keySet().forEach(k -> p.put(k, null));
    p.put("participation", participation);
    p.put("diversity", diversity);
    return new IndexRow(forum, year, overall, coverage, p);
  }

  private static CategoryDataset dataset(JFreeChart chart) {
    return chart.getCategoryPlot().getDataset();
  }

  /** (x, y, z) of a grid's block as "x,y,z". */
  private static String cell(XYZDataset data, int item) {
    return (int) data.getXValue(0, item) + "," + (int) data.getYValue(0, item) + "," + (int) data.getZValue(0, item);
  }

  /** The first six cells of each body row of a table as "a|b|…". */
  private static List<String> rows(String html) {
    List<String> rows = new ArrayList<>();
    for (String tr : all(html, "(?s)<tr><td>(.*?)</tr>")) {
      rows.add(String.join("|", all("<td>" + tr, "<td>([^<]*)</td>").subList(0, 6)));
    }
    return rows;
  }

  private static List<String> all(String s, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(s);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }
}
