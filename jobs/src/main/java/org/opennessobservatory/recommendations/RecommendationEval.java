package org.opennessobservatory.recommendations;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  public record Result(int planted, int agreed, int retrieved, int relevant, List<String> lines) {
    public double agreement() {
      return planted == 0 ? 1 : (double) agreed / planted;
    }

    public double precision() {
      return retrieved == 0 ? 1 : (double) relevant / retrieved;
    }
  }

  public static List<Expected> expected(CsvTable t) {
    List<Expected> out = new ArrayList<>();
    for (CsvTable.Line l : t.lines()) {
      String s = l.get("status");
      if (s == null || !StatusRules.STATUSES.contains(s)) {
        throw new UserException(t.where(l) + "status '" + s + "' is not one of " + StatusRules.STATUSES);
      }
      out.add(new Expected(l.get("recommendation"), year(t, l), s));
    }
    return out;
  }

  public static List<Relevant> relevant(CsvTable t) {
    List<Relevant> out = new ArrayList<>();
    for (CsvTable.Line l : t.lines()) {
      out.add(new Relevant(l.get("recommendation"), year(t, l), l.get("rel_path"), l.get("needle")));
    }
    return out;
  }

  private static int year(CsvTable t, CsvTable.Line l) {
    try {
      return Integer.parseInt(l.get("year"));
    } catch (NumberFormatException e) {
      throw new UserException(t.where(l) + "year '" + l.get("year") + "' is not a year");
    }
  }

  /** Pure: statuses found per "recommendation|year", top-K evidence of the planted recommendation-years. */
  public static Result evaluate(List<Expected> expected, List<Relevant> relevant, Map<String, String> statuses,
      List<Retrieved> topK) {
    List<String> lines = new ArrayList<>();
    int agreed = 0;
    lines.add(String.format(Locale.ROOT, "%-6s %4s %-12s %-12s", "rec", "year", "expected", "found"));
    for (Expected e : expected) {
      String found = statuses.getOrDefault(Overrides.key(e.recommendation(), e.year()), "(missing)");
      boolean ok = found.equals(e.status());
      agreed += ok ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%-6s %4d %-12s %-12s%s", e.recommendation(), e.year(), e.status(),
          found, ok ? "" : "  MISMATCH"));
    }
    java.util.Set<String> planted = new java.util.HashSet<>();
    expected.forEach(e -> planted.add(Overrides.key(e.recommendation(), e.year())));
    int retrieved = 0;
    int hits = 0;
    for (Retrieved r : topK) {
      if (r.rank() > K || !planted.contains(Overrides.key(r.recommendation(), r.year()))) {
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
    Result partial = new Result(expected.size(), agreed, retrieved, hits, lines);
    lines.add(String.format(Locale.ROOT, "status agreement %d/%d = %.3f; precision@%d %d/%d = %.3f", agreed,
        expected.size(), partial.agreement(), K, hits, retrieved, partial.precision()));
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
    for (Row r : status.select("recommendation_id", "year", "status").collectAsList()) {
      statuses.put(Overrides.key(r.getString(0), r.getInt(1)), r.getString(2));
    }
    List<Retrieved> top = new ArrayList<>();
    for (Row r : evidence.filter(col("rank").leq(K)).select("recommendation_id", "year", "rank", "rel_path",
        "passage").collectAsList()) {
      top.add(new Retrieved(r.getString(0), r.getInt(1), r.getInt(2), r.getString(3), r.getString(4)));
    }
    return evaluate(expected, relevant, statuses, top);
  }

  /** For {@code observatory eval recommendations --out OUT --gold DIR}: the report's lines. */
  public static List<String> report(SparkSession spark, String outRoot, Path goldDir) {
    List<String> lines = new ArrayList<>();
    lines.add("recommendation tracking in " + outRoot + " against gold set " + goldDir);
    lines.addAll(evaluate(spark, outRoot, goldDir).lines());
    return lines;
  }
}
