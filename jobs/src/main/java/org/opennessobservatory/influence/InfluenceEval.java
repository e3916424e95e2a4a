package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/**
 * Passage-level precision and recall of {@code influence_passages} against a gold file ({@code passages.csv}, see
 * jobs/src/test/resources/gold/influence/README.md).
 *
 * <p>Gold rows name an outcome and a contribution by rel_path and quote the passage on each side; a quote is found in
 * the document's text ignoring differences of white space. A found passage matches a gold passage of the same
 * outcome and contribution when their outcome spans overlap by at least half of each span's length. Precision: found
 * passages of the gold's outcomes that match a gold passage (kind exact, edited or split); recall: gold passages
 * matched. A found passage whose source span overlaps a gold {@code none} quote (known non-reuse) is also counted
 * among the false positives, whatever else it matches.
 */
public final class InfluenceEval {
  private InfluenceEval() {}

  public static final String FILE = "passages.csv";
  public static final List<String> COLUMNS = List.of("outcome", "source", "kind", "outcome_quote", "source_quote");

  /** A gold row: rel_paths, kind (exact | edited | split | none) and the two quotes. */
  public record Gold(String outcome, String source, String kind, String outcomeQuote, String sourceQuote) {}

  /** A span of a document's text, {@code [start, end)}. */
  public record Span(int start, int end) {
    int overlap(Span o) {
      return Math.max(0, Math.min(end, o.end) - Math.max(start, o.start));
    }

    int length() {
      return end - start;
    }
  }

  /** A found passage, by rel_path. */
  public record Found(String outcome, String source, Span outcomeSpan, Span sourceSpan) {}

  public record Score(int found, int truePositives, int gold, int goldMatched, List<String> errors) {
    public double precision() {
      return found == 0 ? 1.0 : (double) truePositives / found;
    }

    public double recall() {
      return gold == 0 ? 1.0 : (double) goldMatched / gold;
    }
  }

  public static List<Gold> read(Path goldDir) {
    Path file = goldDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + " does not exist: --gold must be a folder holding " + FILE);
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<Gold> out = new ArrayList<>();
      for (CsvTable.Line l : CsvTable.read(in, file.toString(), COLUMNS).lines()) {
        out.add(new Gold(l.get("outcome"), l.get("source"), l.get("kind").toLowerCase(Locale.ROOT),
            l.get("outcome_quote"), l.get("source_quote")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where {@code quote} is in {@code text}, white space runs matching any white space run; null when absent. */
  public static Span locate(String text, String quote) {
    if (text == null || quote == null || quote.isBlank()) {
      return null;
    }
    String[] parts = quote.trim().split("\\s+");
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append("\\s+");
      }
      regex.append(java.util.regex.Pattern.quote(parts[i]));
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex.toString()).matcher(text);
    return m.find() ? new Span(m.start(), m.end()) : null;
  }

  /** Scores found passages against gold; {@code texts} maps rel_path → text (to locate the quotes). */
  public static Score score(List<Gold> gold, List<Found> found, Map<String, String> texts) {
    List<String> errors = new ArrayList<>();
    Set<String> outcomes = new LinkedHashSet<>();
    List<Gold> positives = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    List<Gold> negatives = new ArrayList<>();
    List<Span> negativeSpans = new ArrayList<>();
    for (Gold g : gold) {
      outcomes.add(g.outcome());
      if (g.kind().equals("none")) {
        Span s = locate(texts.get(g.source()), g.sourceQuote());
        if (s == null) {
          errors.add("gold none quote not found in " + g.source() + ": " + g.sourceQuote());
        } else {
          negatives.add(g);
          negativeSpans.add(s);
        }
        continue;
      }
      Span s = locate(texts.get(g.outcome()), g.outcomeQuote());
      if (s == null) {
        errors.add("gold quote not found in " + g.outcome() + ": " + g.outcomeQuote());
      }
      positives.add(g);
      spans.add(s);
    }
    boolean[] matched = new boolean[positives.size()];
    int considered = 0;
    int truePositives = 0;
    for (Found f : found) {
      if (!outcomes.contains(f.outcome())) {
        continue;
      }
      considered++;
      boolean hit = false;
      for (int i = 0; i < positives.size(); i++) {
        Gold g = positives.get(i);
        Span s = spans.get(i);
        if (s != null && g.outcome().equals(f.outcome()) && g.source().equals(f.source())) {
          int o = s.overlap(f.outcomeSpan());
          if (2 * o >= s.length() && 2 * o >= f.outcomeSpan().length()) {
            matched[i] = true;
            hit = true;
          }
        }
      }
      for (int i = 0; i < negatives.size(); i++) {
        if (negatives.get(i).source().equals(f.source()) && negatives.get(i).outcome().equals(f.outcome())
            && negativeSpans.get(i).overlap(f.sourceSpan()) > 0) {
          hit = false;
        }
      }
      if (hit) {
        truePositives++;
      } else {
        errors.add("false positive: " + f);
      }
    }
    int goldMatched = 0;
    for (int i = 0; i < matched.length; i++) {
      if (matched[i]) {
        goldMatched++;
      } else {
        errors.add("missed: " + positives.get(i).kind() + " " + positives.get(i).outcome() + " <- "
            + positives.get(i).source() + ": " + positives.get(i).outcomeQuote());
      }
    }
    return new Score(considered, truePositives, positives.size(), goldMatched, errors);
  }

  /** Scores the influence_passages under {@code outRoot} (with its documents) against the gold folder. */
  public static Score evaluate(SparkSession spark, String outRoot, Path goldDir) {
    List<Gold> gold = read(goldDir);
    Set<String> paths = new LinkedHashSet<>();
    gold.forEach(g -> {
      paths.add(g.outcome());
      paths.add(g.source());
    });
    // Only the gold's documents reach the driver: a handful of texts.
    List<Row> docs = spark.read().parquet(outRoot + "/documents").filter(col("rel_path").isin(paths.toArray()))
        .select("rel_path", "doc_id", "text").collectAsList();
    Map<String, String> texts = new HashMap<>();
    Map<String, String> pathOf = new HashMap<>();
    for (Row r : docs) {
      texts.put(r.getString(0), r.getString(2));
      pathOf.put(r.getString(1), r.getString(0));
    }
    List<Found> found = new ArrayList<>();
    for (Row r : spark.read().parquet(outRoot + "/" + InfluenceStage.PASSAGES)
        .filter(col("outcome_doc_id").isin(pathOf.keySet().toArray()))
        .select("outcome_doc_id", "source_doc_id", "outcome_start", "outcome_end", "source_start", "source_end")
        .collectAsList()) {
      found.add(new Found(pathOf.get(r.getString(0)), pathOf.getOrDefault(r.getString(1), r.getString(1)),
          new Span(r.getInt(2), r.getInt(3)), new Span(r.getInt(4), r.getInt(5))));
    }
    return score(gold, found, texts);
  }

  /** The lines {@code observatory eval influence --gold DIR} prints. */
  public static List<String> report(SparkSession spark, String outRoot, Path goldDir) {
    Score s = evaluate(spark, outRoot, goldDir);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "influence passages: precision %.3f (%d/%d found), recall %.3f (%d/%d gold)",
        s.precision(), s.truePositives(), s.found(), s.recall(), s.goldMatched(), s.gold()));
    s.errors().forEach(e -> lines.add("  " + e));
    return lines;
  }
}
