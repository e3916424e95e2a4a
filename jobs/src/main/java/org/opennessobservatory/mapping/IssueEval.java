package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.opennessobservatory.cli.UserException;

/**
 * Quality of stage issues against a hand-labelled gold set ({@code DIR/utterances.tsv}: id, text, expected issue ids
 * separated by {@code |}, note; see the gold set's README for the labelling guideline). Micro precision and recall over
 * (utterance, issue) pairs, and true/false positives and false negatives per issue.
 *
 * <p>A gold set may hold a second part, {@code DIR/heldout.tsv} (same columns): utterances written after the
 * taxonomy was last tuned and labelled before the matcher ran on them. Scores are given for the whole set and for each
 * part, since the part the taxonomy was tuned on flatters it.
 */
public final class IssueEval {
  private IssueEval() {}

  public static final String FILE = "utterances.tsv";
  public static final String HELD_OUT = "heldout.tsv";
  private static final List<String> HEADER = List.of("id", "text", "expected", "note");

  /** One labelled utterance, the file (part of the gold set) and the line it is on. */
  public record Example(String id, String text, Set<String> expected, String note, String part, int line) {}

  public record IssueCounts(String issue, long truePositives, long falsePositives, long falseNegatives) {}

  /** A wrong or missed (utterance, issue) pair, for reading what the matcher got wrong. */
  public record Miss(String id, String issue, boolean falsePositive, String text) {}

  /** Micro counts over one part of the gold set (a file). */
  public record PartCounts(String part, int utterances, long truePositives, long falsePositives,
      long falseNegatives) {
    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 1 : (double) a / b;
  }

  public record Report(int utterances, long truePositives, long falsePositives, long falseNegatives,
      List<IssueCounts> perIssue, List<PartCounts> parts, List<Miss> misses) {

    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The report as printed by {@code observatory eval issues}. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(String.format(Locale.ROOT, "%-30s %5s %5s %5s %9s %7s", "issue", "tp", "fp", "fn", "precision",
          "recall"));
      for (IssueCounts c : perIssue) {
        long tp = c.truePositives();
        lines.add(String.format(Locale.ROOT, "%-30s %5d %5d %5d %9.3f %7.3f", c.issue(), tp, c.falsePositives(),
            c.falseNegatives(), tp + c.falsePositives() == 0 ? 1.0 : (double) tp / (tp + c.falsePositives()),
            tp + c.falseNegatives() == 0 ? 1.0 : (double) tp / (tp + c.falseNegatives())));
      }
      lines.add(String.format(Locale.ROOT, "micro over %d utterances: tp %d, fp %d, fn %d; precision %.3f, "
          + "recall %.3f", utterances, truePositives, falsePositives, falseNegatives, precision(), recall()));
      if (parts.size() > 1) {
        for (PartCounts p : parts) {
          lines.add(String.format(Locale.ROOT, "  part %s, %d utterances: tp %d, fp %d, fn %d; precision %.3f, "
                  + "recall %.3f", p.part(), p.utterances(), p.truePositives(), p.falsePositives(),
              p.falseNegatives(), p.precision(), p.recall()));
        }
      }
      for (Miss m : misses) {
        lines.add((m.falsePositive() ? "  false positive " : "  missed         ") + m.id() + " " + m.issue() + ": "
            + m.text());
      }
      return lines;
    }
  }

  /**
   * Reads {@code dir/utterances.tsv} and, when there is one, {@code dir/heldout.tsv}; labels must be issue ids of
   * {@code known}, ids unique across both.
   */
  public static List<Example> read(Path dir, Set<String> known) {
    List<Example> examples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    read(dir.resolve(FILE), known, ids, examples);
    if (Files.exists(dir.resolve(HELD_OUT))) {
      read(dir.resolve(HELD_OUT), known, ids, examples);
    }
    return examples;
  }

  private static void read(Path file, Set<String> known, Set<String> ids, List<Example> examples) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read (" + e.getMessage() + "); give the gold set folder to --gold");
    }
    if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(HEADER)) {
      throw new UserException(file + " line 1: expected the header " + String.join("\\t", HEADER));
    }
    String part = file.getFileName().toString();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String at = file + " line " + (i + 1);
      String[] cells = line.split("\t", -1);
      if (cells.length != HEADER.size()) {
        throw new UserException(at + ": " + cells.length + " cells, expected " + HEADER.size() + " (tab-separated)");
      }
      if (!ids.add(cells[0])) {
        throw new UserException(at + ": duplicate id " + cells[0]);
      }
      Set<String> expected = new LinkedHashSet<>();
      for (String label : cells[2].split("\\|")) {
        String l = label.trim();
        if (l.isEmpty()) {
          continue;
        }
        if (!known.contains(l)) {
          throw new UserException(at + ": unknown issue id '" + l + "' (not in the taxonomy)");
        }
        expected.add(l);
      }
      examples.add(new Example(cells[0], cells[1], Set.copyOf(expected), cells[3], part, i + 1));
    }
  }

  /** Scores {@code predict} (text → issue ids) on the examples; a pure function of its inputs. */
  public static Report evaluate(List<Example> examples, Function<String, Set<String>> predict) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, long[]> byPart = new LinkedHashMap<>();
    List<Miss> misses = new ArrayList<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Example e : examples) {
      Set<String> found = predict.apply(e.text());
      long[] part = byPart.computeIfAbsent(e.part(), x -> new long[4]);
      part[3]++;
      Set<String> all = new TreeSet<>(found);
      all.addAll(e.expected());
      for (String issue : all) {
        long[] c = counts.computeIfAbsent(issue, x -> new long[3]);
        boolean f = found.contains(issue);
        boolean x = e.expected().contains(issue);
        if (f && x) {
          c[0]++;
          part[0]++;
          tp++;
        } else if (f) {
          c[1]++;
          part[1]++;
          fp++;
          misses.add(new Miss(e.id(), issue, true, e.text()));
        } else {
          c[2]++;
          part[2]++;
          fn++;
          misses.add(new Miss(e.id(), issue, false, e.text()));
        }
      }
    }
    List<IssueCounts> perIssue = new ArrayList<>();
    counts.forEach((issue, c) -> perIssue.add(new IssueCounts(issue, c[0], c[1], c[2])));
    List<PartCounts> parts = new ArrayList<>();
    byPart.forEach((name, c) -> parts.add(new PartCounts(name, (int) c[3], c[0], c[1], c[2])));
    return new Report(examples.size(), tp, fp, fn, List.copyOf(perIssue), List.copyOf(parts), List.copyOf(misses));
  }

  /** The shipped taxonomy's (or {@code taxonomy}'s) matcher on the gold set: what the CLI prints. */
  public static Report evaluate(Path goldDir, Taxonomy taxonomy) {
    Set<String> known = new HashSet<>();
    taxonomy.issues().forEach(i -> known.add(i.id()));
    IssueMatcher matcher = IssueMatcher.of(taxonomy);
    return evaluate(read(goldDir, known), text -> matcher.match(text).hits().keySet());
  }

  /**
   * For {@code observatory eval issues --gold DIR [--taxonomy FILE]}: the report's lines.
   *
   * @param taxonomyPath a taxonomy file, or null for the shipped one
   */
  public static List<String> report(Path goldDir, String taxonomyPath) {
    Taxonomy taxonomy = taxonomyPath == null ? Taxonomy.shipped()
        : Taxonomy.load(taxonomyPath, new org.apache.hadoop.conf.Configuration());
    List<String> lines = new ArrayList<>();
    lines.add("taxonomy " + taxonomy.source() + " version " + taxonomy.version() + ", gold set " + goldDir);
    lines.addAll(evaluate(goldDir, taxonomy).lines());
    return lines;
  }
}
