package org.opennessobservatory.recommendations;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/**
 * Quality of stage track against the planted cases of data-samples (gold folder: {@code status.csv} — recommendation,
 * year, status — and {@code relevant.csv} — recommendation, year, rel_path, needle: a top-3 passage of that
 * recommendation-year is relevant when it comes from that file and contains the needle). Status agreement over the
 * planted rows; precision at 3 over the top-3 evidence of the planted recommendation-years that have evidence.
 */
public final class RecommendationEval {
  private RecommendationEval() {}

  public static final List<String> STATUS_COLUMNS = List.of("recommendation", "year", "status");
  public static final List<String> RELEVANT_COLUMNS = List.of("recommendation", "year", "rel_path", "needle");
  public static final int K = 3;

  public record Expected(String recommendation, int year, String status) {}

  public record Relevant(String recommendation, int year, String relPath, String needle) {}

  /** A top-K evidence row. */
  public record Retrieved(String recommendation, int year, int rank, String relPath, String passage) {}

  /**
   * @param planted the planted recommendation-years the rules decide (no evaluator override); {@code agreed} of them
   *     got the expected status
   * @param overrides the planted recommendation-years an evaluator overrode; {@code overridesApplied} of them show
   *     the expected (the evaluator's) status
   */
  public record Result(int planted, int agreed, int overrides, int overridesApplied, int retrieved, int relevant,
      List<String> lines) {
    /** NaN when nothing was planted: no agreement to speak of, and no test passes on it. */
    public double agreement() {
      return planted == 0 ? Double.NaN : (double) agreed / planted;
    }

    /** NaN when nothing was retrieved. */
    public double precision() {
      return retrieved == 0 ? Double.NaN : (double) relevant / retrieved;
    }
  }

  public static List<Expected> expected(CsvTable t) {
    List<Expected> out = new ArrayList<>();
    for (CsvTable.Line l : t.lines()) {
      String s = l.get("status");
      if (s == null || !StatusRules.STATUSES.contains(s)) {
        throw new UserException(t.where(l) + "status '" + s + "' is not one of " + StatusRules.STATUSES);
      }
      Expected e = new Expected(cell(t, l, "recommendation"), year(t, l), s);
      if (out.stream().anyMatch(x -> x.recommendation().equals(e.recommendation()) && x.year() == e.year())) {
        throw new UserException(t.where(l) + e.recommendation() + " " + e.year() + " is expected twice");
      }
      out.add(e);
    }
    return out;
  }

  public static List<Relevant> relevant(CsvTable t) {
    List<Relevant> out = new ArrayList<>();
    for (CsvTable.Line l : t.lines()) {
      out.add(new Relevant(cell(t, l, "recommendation"), year(t, l), cell(t, l, "rel_path"), cell(t, l, "needle")));
    }
    return out;
  }

  private static String cell(CsvTable t, CsvTable.Line l, String column) {
    String value = l.get(column);
    if (value == null) {
      throw new UserException(t.where(l) + "the " + column + " cell is empty");
    }
    return value;
  }

  private static int year(CsvTable t, CsvTable.Line l) {
    try {
      return Integer.parseInt(l.get("year"));
    } catch (NumberFormatException e) {
      throw new UserException(t.where(l) + "year '" + l.get("year") + "' is not a year");
    }
  }

  /**
   * Pure: statuses found per "recommendation|year" (the final ones), which of them an evaluator overrode, and the
   * top-K evidence of the planted recommendation-years. The rules are measured on the rows they decided; an overridden
   * row measures only that the override was applied.
   */
  public static Result evaluate(List<Expected> expected, List<Relevant> relevant, Map<String, String> statuses,
      Set<String> overridden, List<Retrieved> topK) {
    List<String> lines = new ArrayList<>();
    int planted = 0;
    int agreed = 0;
    int overrides = 0;
    int applied = 0;
    lines.add(String.format(Locale.ROOT, "%-6s %4s %-12s %-12s", "rec", "year", "expected", "found"));
    for (Expected e : expected) {
      String key = Overrides.key(e.recommendation(), e.year());
      String found = statuses.getOrDefault(key, "(missing)");
      boolean ok = found.equals(e.status());
      if (overridden.contains(key)) {
        overrides++;
        applied += ok ? 1 : 0;
      } else {
        planted++;
        agreed += ok ? 1 : 0;
      }
      lines.add(String.format(Locale.ROOT, "%-6s %4d %-12s %-12s%s%s", e.recommendation(), e.year(), e.status(),
          found, overridden.contains(key) ? "  (evaluator override)" : "", ok ? "" : "  MISMATCH"));
    }
    Set<String> plantedKeys = new HashSet<>();
    expected.forEach(e -> plantedKeys.add(Overrides.key(e.recommendation(), e.year())));
    int retrieved = 0;
    int hits = 0;
    for (Retrieved r : topK) {
      if (r.rank() > K || !plantedKeys.contains(Overrides.key(r.recommendation(), r.year()))) {
        continue;
      }
      retrieved++;
      boolean ok = relevant.stream().anyMatch(g -> g.recommendation().equals(r.recommendation())
          && g.year() == r.year() && g.relPath().equals(r.relPath()) && r.passage().contains(g.needle()));
      hits += ok ? 1 : 0;
      if (!ok) {
        lines.add("  not relevant: " + r.recommendation() + " " + r.year() + " #" + r.rank() + " " + r.relPath()
            + ": " + r.passage());
      }
    }
    Result partial = new Result(planted, agreed, overrides, applied, retrieved, hits, lines);
    lines.add(String.format(Locale.ROOT, "status agreement of the rules %d/%d = %.3f; evaluator overrides applied "
        + "%d/%d; precision@%d %d/%d = %.3f", agreed, planted, partial.agreement(), applied, overrides, K, hits,
        retrieved, partial.precision()));
    return partial;
  }

  /** Evaluates the stage's output datasets under {@code outRoot} against the gold folder. */
  public static Result evaluate(SparkSession spark, String outRoot, Path goldDir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<Expected> expected = expected(CsvTable.hadoop(goldDir.resolve("status.csv").toString(), conf,
        STATUS_COLUMNS));
    List<Relevant> relevant = relevant(CsvTable.hadoop(goldDir.resolve("relevant.csv").toString(), conf,
        RELEVANT_COLUMNS));
    return evaluate(spark, expected, relevant,
        spark.read().parquet(new org.apache.hadoop.fs.Path(outRoot, TrackStage.STATUS).toString()),
        spark.read().parquet(new org.apache.hadoop.fs.Path(outRoot, TrackStage.EVIDENCE).toString()));
  }

  /** Evaluates datasets in hand (the test runs the stage without writing). Collects only status and top-K rows. */
  public static Result evaluate(SparkSession spark, List<Expected> expected, List<Relevant> relevant,
      Dataset<Row> status, Dataset<Row> evidence) {
    Map<String, String> statuses = new HashMap<>();
    Set<String> overridden = new HashSet<>();
    for (Row r : status.select("recommendation_id", "year", "status", "source").collectAsList()) {
      statuses.put(Overrides.key(r.getString(0), r.getInt(1)), r.getString(2));
      if (r.getString(3).equals("evaluator")) {
        overridden.add(Overrides.key(r.getString(0), r.getInt(1)));
      }
    }
    List<Retrieved> top = new ArrayList<>();
    // Undated documents' passages have no status to be evidence of.
    for (Row r : evidence.filter(col("rank").leq(K).and(col("year").isNotNull())).select("recommendation_id", "year",
        "rank", "rel_path", "passage").collectAsList()) {
      top.add(new Retrieved(r.getString(0), r.getInt(1), r.getInt(2), r.getString(3), r.getString(4)));
    }
    return evaluate(expected, relevant, statuses, overridden, top);
  }

  /** For {@code observatory eval recommendations --out OUT --gold DIR}: the report's lines. */
  public static List<String> report(SparkSession spark, String outRoot, Path goldDir) {
    List<String> lines = new ArrayList<>();
    lines.add("recommendation tracking in " + outRoot + " against gold set " + goldDir);
    lines.addAll(evaluate(spark, outRoot, goldDir).lines());
    return lines;
  }
}
