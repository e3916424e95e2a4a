package org.opennessobservatory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.opennessobservatory.indicators.Attendance;
import org.opennessobservatory.report.ReportInputs.ForumYearRow;
import org.opennessobservatory.report.ReportInputs.IndexRow;
import org.opennessobservatory.report.ReportInputs.InfluenceRow;

/**
 * The report's charts as JFreeChart objects, built from plain rows: which value goes where is decided here and
 * tested on the charts' datasets; drawing is JFreeChart's. Null values are left out of a chart, never drawn as 0.
 */
public final class Charts {
  private Charts() {}

  /** The five principles in the rubric's order, with the labels readers know them by. */
  static final Map<String, String> PRINCIPLES = orderedMap(
      "participation", "Participation",
      "accountability_transparency", "Accountability and transparency",
      "power_imbalances", "Changing power imbalances",
      "procedural_fairness", "Procedural fairness",
      "diversity", "Diversity");

  /** Overall openness (0-100) by year, one line per forum. */
  public static JFreeChart opennessOverTime(List<IndexRow> rows) {
    XYSeriesCollection data = byForum(rows, IndexRow::forum, IndexRow::year, IndexRow::overall);
    JFreeChart chart = ChartFactory.createXYLineChart(null, "year", "overall openness (0-100)", data);
    styleXy(chart);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 100);
    return chart;
  }

  /** Gini of words across speakers by year, one line per forum. */
  public static JFreeChart giniOverTime(List<ForumYearRow> rows) {
    XYSeriesCollection data = byForum(rows, ForumYearRow::forum, ForumYearRow::year, ForumYearRow::giniWords);
    JFreeChart chart = ChartFactory.createXYLineChart(null, "year", "Gini of words across speakers", data);
    styleXy(chart);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setRange(0, 1);
    return chart;
  }

  /** Each principle's score (0-1) per forum-year; a principle not assessed has no bar. */
  public static JFreeChart principleScores(List<IndexRow> rows) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (IndexRow r : rows) {
      for (Map.Entry<String, String> p : PRINCIPLES.entrySet()) {
        data.addValue(r.principles().get(p.getKey()), p.getValue(), forumYear(r.forum(), r.year()));
      }
    }
    return bars(data, "principle score (0-1)", false, 1.0);
  }

  /** Share of the words spoken by each stakeholder group, stacked to 1 per forum-year that has turns. */
  public static JFreeChart groupWordShares(List<ForumYearRow> rows, List<String> groups) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ForumYearRow r : rows) {
      for (String g : groups) {
        data.addValue(r.groupWordShares().get(g), label(g), forumYear(r.forum(), r.year()));
      }
    }
    return groupColours(bars(data, "share of the words spoken", true, 1.0));
  }

  static final String WOMEN_WORDS = "of the words spoken (speakers of known gender)";
  static final String WOMEN_SPEAKERS = "of the speakers of known gender";

  /**
   * Women's share of the floor beside their share of the population registry/attendance.csv gives their gender in
   * per forum-year (registrants where published), named after the populations the rows used.
   */
  public static JFreeChart womenShares(List<ForumYearRow> rows) {
    String present = womenPresentLabel(rows);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ForumYearRow r : rows) {
      String key = forumYear(r.forum(), r.year());
      data.addValue(r.womenWordShare(), WOMEN_WORDS, key);
      data.addValue(r.womenSpeakerShare(), WOMEN_SPEAKERS, key);
      if (present != null) {
        data.addValue(r.womenPresenceShare(), present, key);
      }
    }
    return bars(data, "women's share", false, 1.0);
  }

  /** The legend of the attendance bars, "of registrants (registry/attendance.csv)"; null when no row has them. */
  static String womenPresentLabel(List<ForumYearRow> rows) {
    String populations = populations(rows);
    return populations == null ? null : "of " + populations + " (" + Attendance.PATH + ")";
  }

  /**
   * The populations whose gender figures give the rows' women_presence_share, in Attendance's order of preference:
   * "registrants", "registrants or participants"; null when none has such figures.
   */
  static String populations(List<ForumYearRow> rows) {
    List<String> found = rows.stream().filter(r -> r.womenPresenceShare() != null)
        .map(ForumYearRow::womenPresencePopulation).filter(java.util.Objects::nonNull).distinct()
        .sorted(java.util.Comparator.comparing((String p) -> Attendance.POPULATIONS.contains(p)
            ? Attendance.POPULATIONS.indexOf(p) : Attendance.POPULATIONS.size()).thenComparing(p -> p))
        .map(p -> p.equals("onsite") ? "those present onsite" : label(p)).toList();
    return found.isEmpty() ? null : String.join(" or ", found);
  }

  /** Each group's share of an outcome's characters found in its contributions; groups overlap, so not stacked. */
  public static JFreeChart influence(List<InfluenceRow> rows, Map<String, String> outcomeLabels) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (InfluenceRow r : rows) {
      data.addValue(r.share(), label(r.stakeholderGroup()), outcomeLabels.get(r.outcomeDocId()));
    }
    return groupColours(bars(data, "share of the outcome's characters", false, Double.NaN));
  }

  /** One colour per stakeholder group in every chart, whichever groups a chart happens to show. */
  static final Map<String, Color> GROUP_COLOURS = Map.of(
      "government", new Color(0x4e79a7), "civil society", new Color(0xf28e2b), "private sector", new Color(0xe15759),
      "technical community", new Color(0x76b7b2), "academia", new Color(0x59a14f),
      "intergovernmental", new Color(0xedc948), "other", new Color(0xb07aa1), "unknown", new Color(0xbab0ac));

  private static JFreeChart groupColours(JFreeChart chart) {
    CategoryPlot plot = chart.getCategoryPlot();
    for (int row = 0; row < plot.getDataset().getRowCount(); row++) {
      Color c = GROUP_COLOURS.get(plot.getDataset().getRowKey(row).toString());
      if (c != null) {
        plot.getRenderer().setSeriesPaint(row, c);
      }
    }
    return chart;
  }

  /**
   * The marks a chart draws: a point per value of a line chart or a block per cell of the status grid, a bar per
   * value of a bar chart except zeros (a bar of length 0 draws nothing). The page states it and the browser test
   * checks that the SVG holds at least as many.
   */
  static int marks(JFreeChart chart) {
    int marks = 0;
    if (chart.getPlot() instanceof XYPlot xy) {
      for (int s = 0; s < xy.getDataset().getSeriesCount(); s++) {
        marks += xy.getDataset().getItemCount(s);
      }
      return marks;
    }
    CategoryDataset data = chart.getCategoryPlot().getDataset();
    for (int row = 0; row < data.getRowCount(); row++) {
      for (int column = 0; column < data.getColumnCount(); column++) {
        Number v = data.getValue(row, column);
        marks += v != null && v.doubleValue() != 0 ? 1 : 0;
      }
    }
    return marks;
  }

  /** "igf 2023": the category key of a forum-year. */
  static String forumYear(String forum, Integer year) {
    return forum + (year == null ? " (no year)" : " " + year);
  }

  /** civil_society → "civil society". */
  static String label(String id) {
    return id.replace('_', ' ');
  }

  private static <T> XYSeriesCollection byForum(List<T> rows, Function<T, String> forum, Function<T, Integer> year,
      Function<T, Double> value) {
    Map<String, XYSeries> series = new TreeMap<>();
    for (T r : rows) {
      Double v = value.apply(r);
      // A forum-year without a year (documents that gave none) has no place on a time axis.
      if (v != null && year.apply(r) != null) {
        series.computeIfAbsent(forum.apply(r), XYSeries::new).add(year.apply(r).intValue(), v.doubleValue());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    return data;
  }

  /** Horizontal bars, so that long category labels (forum-years, outcome titles) stay readable at any count. */
  private static JFreeChart bars(DefaultCategoryDataset data, String valueLabel, boolean stacked, double max) {
    JFreeChart chart = stacked
        ? ChartFactory.createStackedBarChart(null, null, valueLabel, data, PlotOrientation.HORIZONTAL, true, false,
            false)
        : ChartFactory.createBarChart(null, null, valueLabel, data, PlotOrientation.HORIZONTAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    // Flat bars: the default gradient painter adds nothing but bytes to the SVG.
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.02);
    if (!Double.isNaN(max)) {
      ((NumberAxis) plot.getRangeAxis()).setRange(0, max);
    }
    plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void styleXy(JFreeChart chart) {
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    // Years are whole numbers: no tick at 2022.5.
    NumberAxis years = (NumberAxis) plot.getDomainAxis();
    years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    years.setNumberFormatOverride(new DecimalFormat("0"));
    years.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
    renderer.setDefaultShapesVisible(true);
    renderer.setDefaultStroke(new BasicStroke(2f));
    renderer.setAutoPopulateSeriesStroke(false);
    chart.setBackgroundPaint(Color.WHITE);
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
