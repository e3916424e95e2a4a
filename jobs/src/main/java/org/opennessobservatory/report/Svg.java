package org.opennessobservatory.report;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** A JFreeChart drawn by JFreeSVG as an inline {@code <svg>} element: no image file, no script, nothing to fetch. */
final class Svg {
  private Svg() {}

  /**
   * @param id the element's id, also the prefix of its clip-path ids: several SVGs share one page's id space, and a
   *     fixed prefix (JFreeSVG's default holds the clock) keeps the report the same for the same run
   */
  static String render(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page scale the chart to the window's width.
    return g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
  }
}
