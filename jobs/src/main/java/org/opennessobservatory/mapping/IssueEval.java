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
import java.util.function.Predicate;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.mapping.IssueGoldFile.Example;

/**
 * Quality of stage issues against utterances labelled by hand (see the gold set's README for the labelling guideline):
 * micro precision and recall over (utterance, issue) pairs, and true/false positives and false negatives per issue.
 *
 * <p>Each file of the gold set folder is a part, scored apart as well, since the parts say different things: the
 * utterances the taxonomy was tuned on flatter it; held-out ones, labelled before the matcher ran on them, do not; real
 * sentences of a corpus are not written to be labelled ({@link IssueGoldFile}).
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
      List<IssueCounts> perIssue, List<PartCounts> parts, List<Miss> misses) {

    public double precision() {
      return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
      return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The counts per issue, overall and per part, as {@code observatory eval issues} prints them. */
    List<String> counts() {
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
      return lines;
    }

    /** Every false positive and miss, one line each, as {@code observatory eval issues} prints them last. */
    List<String> missLines() {
      List<String> lines = new ArrayList<>();
      for (Miss m : misses) {
        // one line each: a sentence cut from a document may hold line breaks
        lines.add((m.falsePositive() ? "  false positive " : "  missed         ") + m.id() + " " + m.issue() + ": "
            + m.text().replaceAll("\\s+", " "));
      }
      return lines;
    }
  }

  /**
   * Every {@code .tsv} file of {@code dir}, in name order; labels must be issue ids of {@code known}, ids unique across
   * all files.
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
    for (Path f : tsvFiles(dir, "the gold set folder to --gold")) {
      examples.addAll(IssueGoldFile.read(f, known, ids, corpus));
    }
    return examples;
  }

  /** The {@code .tsv} files of {@code dir} (not of its sub-folders), in name order; {@code what} says what to give. */
  static List<Path> tsvFiles(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new UserException(dir + " is not a folder: give " + what);
    }
    List<Path> files;
    try (java.util.stream.Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(f -> f.getFileName().toString().endsWith(".tsv") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      throw new UserException(dir + ": cannot be listed (" + e.getMessage() + "); give " + what);
    }
    if (files.isEmpty()) {
      throw new UserException(dir + " holds no .tsv file of labelled utterances: give " + what);
    }
    return files;
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

  /** {@code matcher} on the gold set: every issue it finds, by whichever method. */
  public static Report evaluate(List<Example> examples, IssueMatcher matcher) {
    return evaluate(examples, text -> matcher.match(text).hits().keySet());
  }

  /** Of the issues {@code hits} holds for a text, those whose {@link IssueMatcher.Hit} {@code method} accepts. */
  private static Function<String, Set<String>> found(Map<String, Map<String, IssueMatcher.Hit>> hits,
      Predicate<IssueMatcher.Hit> method) {
    return text -> {
      Set<String> issues = new TreeSet<>();
      hits.get(text).forEach((issue, hit) -> {
        if (method.test(hit)) {
          issues.add(issue);
        }
      });
      return issues;
    };
  }

  /**
   * For {@code observatory eval issues --gold DIR [--taxonomy FILE] [--issue-examples FILE|none] [--corpus DIR]
   * [--second-labels DIR]}: the report's lines, for what the pipeline finds (the taxonomy's terms and the classifier),
   * then each method alone, then its agreement with a second labeller's labels.
   *
   * @param taxonomyPath a taxonomy file, or null for the shipped one
   * @param examplesPath the classifier's examples, null for the shipped ones, {@link IssueClassifier#NONE} for none
   * @param corpus the corpus folder that files of labelled corpus sentences refer to; null when the gold set holds
   *     none
   * @param secondLabels a second labeller's folder ({@link SecondLabels}); null for none
   */
  public static List<String> report(Path goldDir, String taxonomyPath, String examplesPath, Path corpus,
      Path secondLabels) {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    Taxonomy taxonomy = Taxonomy.load(taxonomyPath, conf);
    IssueClassifier classifier = IssueClassifier.load(examplesPath, conf, taxonomy);
    Set<String> known = new HashSet<>();
    taxonomy.issues().forEach(i -> known.add(i.id()));
    List<Example> examples = read(goldDir, known, corpus);
    IssueMatcher matcher = IssueMatcher.of(taxonomy, classifier);
    List<String> lines = new ArrayList<>();
    lines.add("taxonomy " + taxonomy.source() + " version " + taxonomy.version() + ", "
        + (classifier == null ? IssueClassifier.ABSENT : classifier.describe()) + ", gold set " + goldDir);
    // Each text matched once; each method alone is read from the same hits.
    Map<String, Map<String, IssueMatcher.Hit>> hits = new HashMap<>();
    examples.forEach(e -> hits.computeIfAbsent(e.text(), t -> matcher.match(t).hits()));
    Report all = evaluate(examples, found(hits, h -> true));
    lines.addAll(all.counts());
    if (classifier != null) {
      lines.addAll(methodLines("taxonomy's terms alone", evaluate(examples, found(hits, h -> h.matches() > 0))));
      lines.addAll(methodLines("classifier alone", evaluate(examples, found(hits, h -> h.classified() > 0))));
    }
    if (secondLabels != null) {
      Set<String> ids = new HashSet<>();
      examples.forEach(e -> ids.add(e.id()));
      Map<String, Set<String>> second = SecondLabels.read(secondLabels, known, ids);
      if (second.isEmpty()) {
        // an agreement over no utterance would print as perfect
        throw new UserException(secondLabels + " labels no utterance of the gold set: give the second labeller's "
            + "files of the gold set's ids to --second-labels");
      }
      lines.addAll(LabelAgreement.report(examples, second,
          found(hits, h -> true), taxonomy.issues().stream().map(Taxonomy.Issue::id).toList(),
          secondLabels.toString()));
    }
    lines.addAll(all.missLines());
    return lines;
  }

  /** The micro figures of one method, overall and per part. */
  private static List<String> methodLines(String method, Report r) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: tp %d, fp %d, fn %d; precision %.3f, recall %.3f", method,
        r.truePositives(), r.falsePositives(), r.falseNegatives(), r.precision(), r.recall()));
    for (PartCounts p : r.parts()) {
      lines.add(String.format(Locale.ROOT, "  part %s: precision %.3f, recall %.3f", p.part(), p.precision(),
          p.recall()));
    }
    return lines;
  }
}
