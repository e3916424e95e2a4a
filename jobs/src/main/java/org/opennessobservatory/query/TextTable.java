package org.opennessobservatory.query;

import java.util.ArrayList;
import java.util.List;

/** A query result as an aligned plain-text table for the console. */
public final class TextTable {
  /** Longer cells are cut (with '…'): the console is for looking; --to FILE keeps every character. */
  public static final int MAX_CELL = 60;

  private TextTable() {}

  /**
   * Header, a rule, then the rows; {@code numeric[i]} right-aligns column i. A null cell shows as NULL, as in SQL
   * shells; line breaks inside a cell show as spaces so that one row stays one line.
   */
  public static String format(List<String> header, boolean[] numeric, List<List<String>> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (List<String> row : rows) {
      cells.add(row.stream().map(TextTable::cell).toList());
    }
    int[] width = new int[header.size()];
    for (List<String> row : cells) {
      for (int i = 0; i < width.length; i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, cells.get(0), width, numeric);
    List<String> rule = new ArrayList<>();
    for (int w : width) {
      rule.add("-".repeat(w));
    }
    line(out, rule, width, new boolean[width.length]);
    for (List<String> row : cells.subList(1, cells.size())) {
      line(out, row, width, numeric);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> row, int[] width, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String pad = " ".repeat(width[i] - row.get(i).length());
      line.append(i == 0 ? "" : "  ").append(numeric[i] ? pad + row.get(i) : row.get(i) + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  static String cell(String value) {
    if (value == null) {
      return "NULL";
    }
    String flat = value.replaceAll("[\\r\\n\\t]+", " ");
    return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL - 1) + "…";
  }
}
