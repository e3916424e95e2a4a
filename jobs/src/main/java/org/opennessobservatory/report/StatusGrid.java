package org.opennessobservatory.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGHints;
import org.opennessobservatory.recommendations.StatusRules;
import org.opennessobservatory.report.ReportInputs.StatusCell;

/**
 * The recommendations × years grid of implementation status, drawn by JFreeChart: one block per recommendation_status
 * row (an XYBlockRenderer over recommendation and year indices, coloured through a lookup scale by status), symbol
 * axes naming the recommendations and years, a legend of the statuses; beside it a plain table of every cell's rule
 * and evidence.
 */
final class StatusGrid {
  private StatusGrid() {}

  /** Each status with its colour and legend words (the legend lists them in StatusRules' order). */
  static final Map<String, Color> COLOURS = Map.of(
      "no_evidence", new Color(0xdddddd), "discussed", new Color(0xcfe2f3), "in_progress", new Color(0xffe599),
      "implemented", new Color(0x93c47d), "reversed", new Color(0xe06666));
  static final Map<String, String> WORDS = Map.of(
      "no_evidence", "no evidence", "discussed", "discussed", "in_progress", "in progress",
      "implemented", "implemented", "reversed", "reversed");

  /** The id prefix of the SVG group around each block (the item's index follows), which the browser test counts. */
  static final String CELL_ID = "status-cell-";

  /** Rows of the grid: a recommendation id with its topic, in {@link #RECOMMENDATION_ORDER}. */
  static List<String> recommendations(List<StatusCell> cells) {
    Map<String, String> topics = new TreeMap<>(RECOMMENDATION_ORDER);
    cells.forEach(c -> topics.put(c.recommendationId(), c.topic()));
    return topics.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
  }

  /**
   * x = the year's index, y = the recommendation's, z = the status's index in {@link StatusRules#STATUSES}. A
   * recommendation-year without a row has no block: "no row" is not "no evidence", which is a finding.
   */
  static JFreeChart chart(List<StatusCell> cells) {
    List<Integer> years = List.copyOf(cells.stream().map(StatusCell::year)
        .collect(Collectors.toCollection(TreeSet::new)));
    List<String> ids = List.copyOf(cells.stream().map(StatusCell::recommendationId)
        .collect(Collectors.toCollection(() -> new TreeSet<>(RECOMMENDATION_ORDER))));
    double[][] xyz = new double[3][cells.size()];
    List<String> titles = new ArrayList<>();
    List<Boolean> byEvaluator = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      StatusCell c = cells.get(i);
      int status = StatusRules.STATUSES.indexOf(c.status());
      if (status < 0) {
        throw new IllegalArgumentException("status '" + c.status() + "' of " + c.recommendationId() + " "
            + c.year() + " is not one of " + StatusRules.STATUSES);
      }
      xyz[0][i] = years.indexOf(c.year());
      xyz[1][i] = ids.indexOf(c.recommendationId());
      xyz[2][i] = status;
      titles.add(title(c));
      byEvaluator.add("evaluator".equals(c.source()));
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("status", xyz);

    SymbolAxis yearAxis = new SymbolAxis(null, years.stream().map(String::valueOf).toArray(String[]::new));
    SymbolAxis recommendationAxis = new SymbolAxis(null, recommendations(cells).toArray(String[]::new));
    for (SymbolAxis axis : List.of(yearAxis, recommendationAxis)) {
      axis.setGridBandsVisible(false);
      axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    }
    yearAxis.setRange(-0.5, years.size() - 0.5);
    recommendationAxis.setRange(-0.5, ids.size() - 0.5);
    // The first recommendation at the top, as a reader scans a table.
    recommendationAxis.setInverted(true);

    LookupPaintScale scale = new LookupPaintScale(0, StatusRules.STATUSES.size(), Color.BLACK);
    LegendItemCollection legend = new LegendItemCollection();
    for (String status : StatusRules.STATUSES) {
      scale.add(StatusRules.STATUSES.indexOf(status), COLOURS.get(status));
      legend.add(new LegendItem(WORDS.get(status), COLOURS.get(status)));
    }
    TitledBlocks renderer = new TitledBlocks(titles);
    renderer.setPaintScale(scale);
    // Blocks a little smaller than their cell: white gaps tell neighbours of the same status apart.
    renderer.setBlockWidth(0.97);
    renderer.setBlockHeight(0.85);
    // "*" on the cells an evaluator set; the others come from the rules.
    renderer.setDefaultItemLabelGenerator((dataset, series, item) -> byEvaluator.get(item) ? "*" : null);
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));

    XYPlot plot = new XYPlot(data, yearAxis, recommendationAxis, renderer);
    plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setFixedLegendItems(legend);
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    LegendTitle legendTitle = chart.getLegend();
    legendTitle.setPosition(RectangleEdge.BOTTOM);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** Room for every recommendation's row, plus the year axis and the legend. */
  static int height(List<StatusCell> cells) {
    return Math.max(260, 120 + 18 * recommendations(cells).size());
  }

  /** What hovering a block shows: the cell, its status, the rule or evaluator that set it, its evidence. */
  static String title(StatusCell c) {
    String t = c.recommendationId() + " " + c.year() + ": " + WORDS.get(c.status()) + " (rule " + c.rule() + ", "
        + c.source() + ")";
    return c.evidenceDocId() == null ? t
        : t + "; evidence: " + c.evidenceTitle() + " (" + ReportPage.shortId(c.evidenceDocId()) + ")";
  }

  /** Every cell of the grid with its rule and strongest evidence, for reading or printing without hovering. */
  static String evidenceTable(List<StatusCell> cells) {
    StringBuilder b = new StringBuilder("<details><summary>Every cell with its rule and evidence</summary>\n"
        + "<table id=\"status-evidence\"><thead><tr><th>recommendation</th><th>topic</th><th>year</th>"
        + "<th>status</th><th>rule</th><th>set by</th><th>strongest evidence</th></tr></thead><tbody>\n");
    cells.stream().sorted(Comparator.comparing(StatusCell::recommendationId, RECOMMENDATION_ORDER)
        .thenComparing(StatusCell::year)).forEach(c -> b.append("<tr><td>").append(escapeHtml4(c.recommendationId()))
        .append("</td><td>").append(escapeHtml4(c.topic())).append("</td><td>").append(c.year()).append("</td><td>")
        .append(escapeHtml4(WORDS.get(c.status()))).append("</td><td>").append(escapeHtml4(c.rule()))
        .append("</td><td>").append(escapeHtml4(c.source())).append("</td><td>")
        .append(c.evidenceDocId() == null ? "<span class=\"none\">none</span>" : escapeHtml4(c.evidenceTitle())
            + " <code title=\"" + escapeHtml4(c.evidenceDocId()) + "\">"
            + escapeHtml4(ReportPage.shortId(c.evidenceDocId())) + "</code>")
        .append("</td></tr>\n"));
    return b.append("</tbody></table></details>\n").toString();
  }

  /**
   * JFreeChart's block renderer, each block wrapped in an SVG group whose title is the cell's rule and evidence
   * (JFreeSVG's hints; other Graphics2D ignore them): the browser shows it on hover. Drawing is XYBlockRenderer's.
   */
  private static final class TitledBlocks extends XYBlockRenderer {
    private final List<String> titles;

    TitledBlocks(List<String> titles) {
      this.titles = titles;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
        XYPlot plot, org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
        XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
      // A group's hint takes an id, nothing else (a Map would break raster Graphics2D): unique, as one page has one grid.
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, CELL_ID + item);
      g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, titles.get(item));
      super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState,
          pass);
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }
  }

  /**
   * Ids such as p9 before p12: digits compared as numbers. Ids equal as numbers but written apart (p9, p09) stay
   * apart, ordered as text: the grid's rows are keyed by this order, and two recommendations must not share one.
   */
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
    int c = Integer.compare(x.length, y.length);
    return c != 0 ? c : a.compareTo(b);
  };

  private static boolean isNumber(String part) {
    return !part.isEmpty() && Character.isDigit(part.charAt(0));
  }
}
