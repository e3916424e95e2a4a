package org.opennessobservatory.notebooks;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/**
 * What a rendered chart shows, measured on its pixels. Axes, ticks, grid and text are black, white or grey in the
 * notebooks' charts; only data (lines, bars, heat-map cells) is drawn in colour — so a chart whose every series is
 * empty or all-null has no coloured pixel left.
 */
final class ChartPixels {
  /** A pixel whose strongest and weakest channels differ by more than this is coloured, not grey. */
  static final int CHROMA = 48;

  private ChartPixels() {}

  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        colours.add(image.getRGB(x, y) & 0xFFFFFF);
      }
    }
    return colours.size();
  }

  static int colouredPixels(BufferedImage image) {
    int coloured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int alpha = rgb >>> 24;
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (alpha > 0 && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > CHROMA) {
          coloured++;
        }
      }
    }
    return coloured;
  }
}
