package org.opennessobservatory.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opennessobservatory.mapping.IssueGoldFile.Example;

/**
 * How far two labellers of the same utterances agree on their issues, the ceiling a matcher's figures against one of
 * them can be read against: where two people following the same guideline agree on eight labels in ten, a matcher at
 * eight in ten does as well as a second person.
 *
 * <p>Each (utterance, issue) pair is a yes or no for each labeller. Pairs are counted over every issue of the taxonomy,
 * so that an issue neither labeller used counts its agreement on "no".
 */
public final class LabelAgreement {
  private LabelAgreement() {}

  /**
   * One issue's pairs: how many utterances each labeller gave it, how many both did, over {@code utterances}, and
   * Cohen's kappa (NaN where it is undefined: neither labeller, or both on every utterance, used the issue).
   */
  public record IssueAgreement(String issue, long first, long second, long both, long utterances) {
    public double kappa() {
      return LabelAgreement.kappa(first, second, both, utterances);
    }
  }

  /**
   * Agreement over {@code utterances} utterances and {@code perIssue}'s issues: {@code both} pairs labelled by both,
   * {@code firstOnly} and {@code secondOnly} by one alone.
   */
  public record Result(int utterances, long both, long firstOnly, long secondOnly, List<IssueAgreement> perIssue) {
    /** The second labeller's precision, taking the first's labels as the truth. */
    public double precision() {
      return both + secondOnly == 0 ? 1 : (double) both / (both + secondOnly);
    }

    /** The second labeller's recall, taking the first's labels as the truth. */
    public double recall() {
      return both + firstOnly == 0 ? 1 : (double) both / (both + firstOnly);
    }

    /** Positive agreement: F1 of either labeller against the other, the same both ways. */
    public double f1() {
      long all = 2 * both + firstOnly + secondOnly;
      return all == 0 ? 1 : 2.0 * both / all;
    }

    /** Cohen's kappa over every (utterance, issue) pair of every issue: one table for all issues. */
    public double pooledKappa() {
      long first = both + firstOnly;
      long second = both + secondOnly;
      return kappa(first, second, both, (long) utterances * perIssue.size());
    }

    /** The mean of the issues' kappas where they are defined (an issue at least one labeller used). */
    public double meanKappa() {
      return perIssue.stream().mapToDouble(IssueAgreement::kappa).filter(k -> !Double.isNaN(k)).average()
          .orElse(Double.NaN);
    }
  }

  /**
   * Cohen's kappa of a yes/no table: {@code first} and {@code second} yeses, {@code both} shared, over {@code n}
   * items; (observed − chance agreement) / (1 − chance agreement).
   */
  static double kappa(long first, long second, long both, long n) {
    // in whole numbers, times n * n, so that no agreement beyond chance is exactly 0 (not -0.000 when printed)
    long observed = n * (n - first - second + 2 * both);
    long chance = first * second + (n - first) * (n - second);
    return n == 0 || chance == n * n ? Double.NaN : (double) (observed - chance) / (n * n - chance);
  }

  /**
   * Agreement of two labellings, {@code first.get(i)} and {@code second.get(i)} being the labels of one utterance,
   * over the taxonomy's {@code issues} (in their order).
   */
  public static Result of(List<Set<String>> first, List<Set<String>> second, List<String> issues) {
    if (first.size() != second.size()) {
      throw new IllegalArgumentException("two labellings of " + first.size() + " and " + second.size()
          + " utterances");
    }
    List<IssueAgreement> perIssue = new ArrayList<>();
    long both = 0;
    long firstOnly = 0;
    long secondOnly = 0;
    for (String issue : issues) {
      long f = 0;
      long s = 0;
      long b = 0;
      for (int i = 0; i < first.size(); i++) {
        boolean x = first.get(i).contains(issue);
        boolean y = second.get(i).contains(issue);
        f += x ? 1 : 0;
        s += y ? 1 : 0;
        b += x && y ? 1 : 0;
      }
      perIssue.add(new IssueAgreement(issue, f, s, b, first.size()));
      both += b;
      firstOnly += f - b;
      secondOnly += s - b;
    }
    return new Result(first.size(), both, firstOnly, secondOnly, List.copyOf(perIssue));
  }

  /**
   * A matcher's counts on the pairs both labellers agree on (the consensus): true positives where both labelled the
   * issue and the matcher found it, false positives where neither did and the matcher did, false negatives where both
   * did and the matcher did not. Pairs the labellers disagree on are left out, so label noise does not count against
   * the matcher.
   *
   * @return true positives, false positives, false negatives
   */
  public static long[] onConsensus(List<Set<String>> first, List<Set<String>> second, List<Set<String>> found) {
    long[] counts = new long[3];
    for (int i = 0; i < first.size(); i++) {
      Set<String> all = new java.util.HashSet<>(first.get(i));
      all.addAll(second.get(i));
      all.addAll(found.get(i));
      for (String issue : all) {
        boolean x = first.get(i).contains(issue);
        if (x != second.get(i).contains(issue)) {
          continue;
        }
        boolean f = found.get(i).contains(issue);
        if (x && f) {
          counts[0]++;
        } else if (f) {
          counts[1]++;
        } else if (x) {
          counts[2]++;
        }
      }
    }
    return counts;
  }

  /**
   * For {@code observatory eval issues --second-labels DIR}: the agreement of the gold labels (first) with a second
   * labeller's on the utterances both labelled, per issue and per part, and the matcher ({@code found}: text → issue
   * ids) against each labeller and on their consensus.
   */
  static List<String> report(List<Example> gold, Map<String, Set<String>> second, Function<String, Set<String>> found,
      List<String> issues, String source) {
    Map<String, List<Example>> byPart = new LinkedHashMap<>();
    List<Example> labelled = gold.stream().filter(e -> second.containsKey(e.id())).toList();
    labelled.forEach(e -> byPart.computeIfAbsent(e.part(), p -> new ArrayList<>()).add(e));
    List<String> lines = new ArrayList<>();
    lines.add("agreement of the gold labels with a second labeller's (" + source + "), on the " + labelled.size()
        + " utterances both labelled:");
    Result all = of(labelled, second, issues);
    lines.add(String.format(Locale.ROOT, "  %-30s %5s %6s %5s %6s", "issue", "gold", "second", "both", "kappa"));
    for (IssueAgreement a : all.perIssue()) {
      if (a.first() + a.second() > 0) {
        lines.add(String.format(Locale.ROOT, "  %-30s %5d %6d %5d %6s", a.issue(), a.first(), a.second(), a.both(),
            Double.isNaN(a.kappa()) ? "-" : String.format(Locale.ROOT, "%.3f", a.kappa())));
      }
    }
    lines.add(agreementLine("second labeller against the gold", all));
    if (byPart.size() > 1) {
      byPart.forEach((part, examples) -> lines.add(agreementLine("  part " + part, of(examples, second, issues))));
    }
    lines.add("the matcher on the same utterances:");
    lines.addAll(matcherLines("", labelled, second, found));
    if (byPart.size() > 1) {
      byPart.forEach((part, examples) -> lines.addAll(matcherLines("part " + part + ": ", examples, second, found)));
    }
    return lines;
  }

  private static Result of(List<Example> examples, Map<String, Set<String>> second, List<String> issues) {
    return of(examples.stream().map(Example::expected).toList(),
        examples.stream().map(e -> second.get(e.id())).toList(), issues);
  }

  private static String agreementLine(String what, Result r) {
    return String.format(Locale.ROOT, "%s: %d utterances, labelled by both %d, gold only %d, second only %d; "
            + "precision %.3f, recall %.3f, F1 %.3f; kappa pooled %.3f, mean over issues %.3f", what, r.utterances(),
        r.both(), r.firstOnly(), r.secondOnly(), r.precision(), r.recall(), r.f1(), r.pooledKappa(), r.meanKappa());
  }

  private static List<String> matcherLines(String prefix, List<Example> examples, Map<String, Set<String>> second,
      Function<String, Set<String>> found) {
    List<Set<String>> first = examples.stream().map(Example::expected).toList();
    List<Set<String>> other = examples.stream().map(e -> second.get(e.id())).toList();
    List<Set<String>> matched = examples.stream().map(e -> found.apply(e.text())).toList();
    // the matcher against a labeller is a second labeller against the first: its counts are theirs
    Result gold = of(first, matched, List.copyOf(union(first, other, matched)));
    Result secondLabeller = of(other, matched, List.copyOf(union(first, other, matched)));
    long[] c = onConsensus(first, other, matched);
    return List.of(
        String.format(Locale.ROOT, "  %sagainst the gold: precision %.3f, recall %.3f, F1 %.3f", prefix,
            gold.precision(), gold.recall(), gold.f1()),
        String.format(Locale.ROOT, "  %sagainst the second labeller: precision %.3f, recall %.3f, F1 %.3f", prefix,
            secondLabeller.precision(), secondLabeller.recall(), secondLabeller.f1()),
        String.format(Locale.ROOT, "  %son the pairs both labellers agree on: tp %d, fp %d, fn %d; precision %.3f, "
            + "recall %.3f", prefix, c[0], c[1], c[2], c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]),
            c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2])));
  }

  @SafeVarargs
  private static Set<String> union(List<Set<String>>... labellings) {
    Set<String> issues = new java.util.TreeSet<>();
    for (List<Set<String>> labelling : labellings) {
      labelling.forEach(issues::addAll);
    }
    return issues;
  }
}
