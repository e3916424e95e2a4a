package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.mapping.IssueExamples.Example;

/**
 * Quality of stage issues against utterances labelled by hand (see the gold set's README for the labelling guideline):
 * micro precision and recall over (utterance, issue) pairs, and true/false positives and false negatives per issue.
 *
 * <p>The parts are scored apart, since they say different things: the shipped examples ({@link IssueExamples#SHIPPED}:
 * the taxonomy was tuned on them, and the neighbour method chooses among them, so each is scored with itself left
 * out), then each file of the gold set folder: held-out utterances, labelled before the matcher ran on them.
 */
public final class IssueEval {
  private IssueEval() {}

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
      List<IssueCounts> perIssue, List<PartCounts> parts, List<Miss> misses, String label) {

    Report labelled(String name) {
      return new Report(utterances, truePositives, falsePositives, falseNegatives, perIssue, parts, misses, name);
    }

    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
      return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall());
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
        // one line each: a sentence cut from a document may hold line breaks
        lines.add((m.falsePositive() ? "  false positive " : "  missed         ") + m.id() + " " + m.issue() + ": "
            + m.text().replaceAll("\\s+", " "));
      }
      return lines;
    }
  }

  /**
   * The shipped examples, then every {@code .tsv} file of {@code dir} in name order; labels must be issue ids of
   * {@code known}, ids unique across all.
   */
  public static List<Example> read(Path dir, Set<String> known) {
    return read(dir, known, null);
  }

  /**
   * {@link #read(Path, Set)}, with the corpus folder that files of labelled corpus sentences refer to (null: none).
   */
  public static List<Example> read(Path dir, Set<String> known, Path corpus) {
    List<Example> examples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Example e : IssueExamples.shipped(known)) {
      ids.add(e.id());
      examples.add(e);
    }
    List<Path> files;
    try (java.util.stream.Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(f -> f.getFileName().toString().endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new UserException(dir + ": cannot be listed (" + e.getMessage() + "); give the gold set folder to --gold");
    }
    if (files.isEmpty()) {
      throw new UserException(dir + " holds no .tsv file of labelled utterances: give the gold set folder to --gold");
    }
    for (Path f : files) {
      examples.addAll(IssueExamples.read(f, known, ids, corpus));
    }
    return examples;
  }

  /** Scores {@code predict} (utterance → issue ids) on the examples; a pure function of its inputs. */
  public static Report evaluate(List<Example> examples, Function<Example, Set<String>> predict) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, long[]> byPart = new LinkedHashMap<>();
    List<Miss> misses = new ArrayList<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Example e : examples) {
      Set<String> found = predict.apply(e);
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
    return new Report(examples.size(), tp, fp, fn, List.copyOf(perIssue), List.copyOf(parts), List.copyOf(misses),
        "");
  }

  /**
   * {@code matcher} on the gold set; an utterance that is one of the matcher's neighbour examples is scored without it.
   */
  public static Report evaluate(List<Example> examples, IssueMatcher matcher) {
    return evaluate(examples, e -> matcher.match(e.text(), null, e.id()).hits().keySet());
  }

  /**
   * For {@code observatory eval issues --gold DIR [--taxonomy FILE]}: the report's lines. The taxonomy's terms and
   * phrases alone, then with the neighbour method, then the neighbour method's threshold swept on the shipped examples
   * alone (left out in turn): what {@link IssueNeighbours#THRESHOLD} was chosen on.
   *
   * @param taxonomyPath a taxonomy file, or null for the shipped one
   */
  public static List<String> report(Path goldDir, String taxonomyPath) {
    return report(goldDir, taxonomyPath, null);
  }

  /**
   * {@link #report(Path, String)}, with the corpus folder that files of labelled corpus sentences refer to.
   *
   * @param corpus null when the gold set holds no such file
   */
  public static List<String> report(Path goldDir, String taxonomyPath, Path corpus) {
    Taxonomy taxonomy = taxonomyPath == null ? Taxonomy.shipped()
        : Taxonomy.load(taxonomyPath, new org.apache.hadoop.conf.Configuration());
    Set<String> known = new HashSet<>();
    taxonomy.issues().forEach(i -> known.add(i.id()));
    List<Example> examples = read(goldDir, known, corpus);
    List<Example> shipped = IssueExamples.shipped(known);
    List<String> lines = new ArrayList<>();
    lines.add("taxonomy " + taxonomy.source() + " version " + taxonomy.version() + ", examples "
        + IssueExamples.SHIPPED + ", gold set " + goldDir);
    lines.add("");
    lines.add("method " + IssueMatcher.LEMMA + " (taxonomy terms and phrases)");
    lines.addAll(evaluate(examples, IssueMatcher.of(taxonomy)).lines());
    lines.add("");
    lines.add("method " + IssueMatcher.BOTH + " (also the nearest example, from similarity "
        + IssueNeighbours.THRESHOLD + "; run --issue-neighbours)");
    lines.addAll(evaluate(examples, IssueMatcher.of(taxonomy, IssueNeighbours.of(shipped))).lines());
    lines.add("");
    List<Example> dev = examples.stream().filter(e -> e.part().equals(DEV)).toList();
    if (!dev.isEmpty()) {
      lines.add("both methods on " + DEV + " by the neighbour threshold (chosen on this file alone: the highest F1 "
          + "with precision >= " + MIN_PRECISION + "):");
      for (Report r : sweep(dev, IssueMatcher.of(taxonomy), shipped)) {
        lines.add(String.format(Locale.ROOT, "  %s: tp %d, fp %d, fn %d; precision %.3f, recall %.3f, F1 %.3f",
            r.label(), r.truePositives(), r.falsePositives(), r.falseNegatives(), r.precision(), r.recall(),
            r.f1()));
      }
    }
    return lines;
  }

  /**
   * The gold file the neighbour threshold is chosen on (a development set): held out from the taxonomy's tuning, but
   * no longer from the neighbour method's; the other held-out files were labelled before the threshold was chosen.
   */
  static final String DEV = "heldout.tsv";

  /** The precision the threshold must keep on {@link #DEV}. */
  static final double MIN_PRECISION = 0.9;

  /** Thresholds of the sweep, in hundredths. */
  private static final int[] SWEEP = {35, 40, 45, 50, 55, 60, 65};

  /**
   * Both methods on {@code scored} at each threshold of the sweep, labelled "from 0.45": the issues of {@code lemmas}
   * and those of each sentence's nearest example among {@code examples} when it is that close (what
   * {@link IssueMatcher} with {@link IssueNeighbours} finds, each sentence embedded once for all thresholds).
   */
  static List<Report> sweep(List<Example> scored, IssueMatcher lemmas, List<Example> examples) {
    IssueNeighbours all = IssueNeighbours.of(examples, Double.NEGATIVE_INFINITY);
    Map<String, List<IssueNeighbours.Neighbour>> nearest = new HashMap<>();
    for (Example e : scored) {
      List<IssueNeighbours.Neighbour> found = new ArrayList<>();
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(e.text()))) {
        found.add(all.nearest(sentence, e.id()));
      }
      nearest.put(e.id(), found);
    }
    List<Report> reports = new ArrayList<>();
    for (int t : SWEEP) {
      Report r = evaluate(scored, e -> {
        Set<String> issues = new TreeSet<>(lemmas.match(e.text()).hits().keySet());
        nearest.get(e.id()).stream().filter(n -> n.similarity() >= t / 100.0).forEach(n -> issues.addAll(n.issues()));
        return issues;
      });
      reports.add(r.labelled(String.format(Locale.ROOT, "from %.2f", t / 100.0)));
    }
    return reports;
  }

}
