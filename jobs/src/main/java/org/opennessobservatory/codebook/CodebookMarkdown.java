package org.opennessobservatory.codebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.codebook.DatasetCatalogue.Dataset;
import org.opennessobservatory.schema.Schemas;

/** The codebook as Markdown: one section per dataset, one table row per column (nested fields included). */
public final class CodebookMarkdown {
  private CodebookMarkdown() {}

  public static String render(List<Dataset> datasets) {
    StringBuilder md = new StringBuilder();
    md.append("# Codebook of the Openness Observatory datasets\n\n")
        .append("Generated from `schemas/` by `bin/observatory codebook --to DIR`: do not edit by hand. Every ")
        .append("dataset is Parquet under the output root, one folder per dataset, partitioned Hive-style ")
        .append("(`forum=…/year=…/`); partition columns come last.\n\n");
    for (Dataset d : datasets) {
      md.append("- [").append(d.name()).append("](#").append(d.name()).append("): ")
          .append(escape(d.row())).append('\n');
    }
    for (Dataset d : datasets) {
      md.append("\n## ").append(d.name()).append("\n\n")
          .append("**Row:** ").append(escape(d.row())).append("  \n")
          .append("Written by stage ").append(escape(d.stage())).append("; ")
          .append(d.partitionedBy().isEmpty() ? "not partitioned"
              : "partitioned by " + d.partitionedBy().stream().map(c -> "`" + c + "`")
                  .collect(Collectors.joining(", ")))
          .append("; schema file `schemas/").append(d.name()).append(".json`.\n\n")
          .append("| column | type | nullable | description | unit | allowed values | formula | since |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
      for (String row : rows(d.schema(), "")) {
        md.append(row).append('\n');
      }
    }
    return md.toString();
  }

  private static List<String> rows(StructType struct, String prefix) {
    List<String> rows = new ArrayList<>();
    for (StructField f : struct.fields()) {
      String name = prefix + f.name();
      Metadata m = f.metadata();
      String description = text(m, "description")
          + (m.contains("example") ? " Example: `" + m.getString("example") + "`." : "");
      rows.add(String.join(" | ", "| `" + name + "`", type(f.dataType()), f.nullable() ? "yes" : "no",
          description, text(m, "unit"), allowed(m), text(m, "formula"), text(m, "since")) + " |");
      StructType nested = Schemas.nestedStruct(f.dataType());
      if (nested != null) {
        rows.addAll(rows(nested, name + (f.dataType() instanceof StructType ? "." : "[].")));
      }
    }
    return rows;
  }

  /** Spark SQL's name of the type; a nested struct is named, its fields get rows of their own. */
  private static String type(DataType type) {
    String name = type.simpleString();
    for (String shorter = name.replaceAll("struct<[^<>]*>", "struct"); !shorter.equals(name);
        shorter = name.replaceAll("struct<[^<>]*>", "struct")) {
      name = shorter;
    }
    return escape(name);
  }

  /** Allowed values are written "a | b | c" in the schema files. */
  private static String allowed(Metadata m) {
    if (!m.contains("allowed")) {
      return "";
    }
    return Arrays.stream(m.getString("allowed").split("\\|")).map(String::trim).filter(v -> !v.isEmpty())
        .map(v -> "`" + v + "`").collect(Collectors.joining(", "));
  }

  private static String text(Metadata m, String key) {
    return m.contains(key) ? escape(m.getString(key)) : "";
  }

  /**
   * Schema text is plain prose and formulas: characters Markdown would read as emphasis, links, HTML or table
   * cells (e.g. {@code turn_share_*}, {@code |x - y|}, {@code v < c}) are escaped so they show as written.
   */
  static String escape(String s) {
    String text = s.replaceAll("\\s+", " ").trim();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // An underscore inside a word (forum_year) is never emphasis: left as is, the Markdown stays readable.
      boolean inWord = c == '_' && i > 0 && i < text.length() - 1
          && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
      if ("\\`*_[]<>|&#".indexOf(c) >= 0 && !inWord) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
