package org.opennessobservatory.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The chart checks on images drawn here: what NotebooksTest would call empty and what it would call a chart. */
class ChartPixelsTest {
  @Test
  void aFlatImageHasOneColourAndNoData() {
    BufferedImage flat = image(Color.WHITE);
    assertEquals(1, ChartPixels.distinctColours(flat));
    assertEquals(0, ChartPixels.colouredPixels(flat));
  }

  @Test
  void greyAxesAndTextAloneShowNoData() {
    BufferedImage axes = image(Color.WHITE);
    Graphics2D g = axes.createGraphics();
    g.setColor(Color.BLACK);
    g.drawRect(10, 10, 80, 60);
    g.setColor(Color.LIGHT_GRAY);
    g.fillRect(20, 20, 30, 30);
    g.dispose();
    assertEquals(3, ChartPixels.distinctColours(axes));
    assertEquals(0, ChartPixels.colouredPixels(axes));
  }

  @Test
  void aColouredBarIsData() {
    BufferedImage bar = image(Color.WHITE);
    Graphics2D g = bar.createGraphics();
    g.setColor(new Color(31, 119, 180)); // matplotlib's first colour: chroma 149
    g.fillRect(10, 10, 20, 15);
    g.dispose();
    assertEquals(2, ChartPixels.distinctColours(bar));
    assertEquals(20 * 15, ChartPixels.colouredPixels(bar));
  }

  private static BufferedImage image(Color background) {
    BufferedImage image = new BufferedImage(100, 80, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, 100, 80);
    g.dispose();
    return image;
  }
}
