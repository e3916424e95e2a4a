package org.opennessobservatory.influence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chains the n-grams two documents share into passages: the first step of {@link Alignment}.
 *
 * <p>Matches are taken in source order (then target order). A match extends an open passage when, on both sides, it
 * starts after the passage's last match starts and at most {@code maxGap} words after that match ends — so a
 * verbatim run of w words (w − n + 1 consecutive n-grams) is one passage, and so is a quotation with a word changed,
 * inserted or dropped every so often (each edit breaks the n-grams that cover it: n words without a match, a gap of
 * one word or so after the last n-gram before the edit). Otherwise it opens a new passage. A passage spans from its
 * first match's first word to its last match's last word on each side; it is kept when it holds at least
 * {@code minNgrams} matches. Everything here is in words: {@link Alignment} turns passages into character spans.
 */
public final class ReusePassages {
  private ReusePassages() {}

  /** One n-gram both documents hold: the index of its first word on each side. */
  public record Match(int sourceIndex, int targetIndex) implements Serializable {}

  /** A reused passage: word ranges on both sides (end exclusive) and the shared n-grams it holds. */
  public record Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd, long sharedNgrams)
      implements Serializable {}

  public static List<Passage> merge(List<Match> matches, int n, int maxGap, int minNgrams) {
    List<Match> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparingInt(Match::sourceIndex).thenComparingInt(Match::targetIndex));
    List<Chain> chains = new ArrayList<>();
    for (Match m : sorted) {
      Chain into = null;
      for (Chain c : chains) {
        if (c.accepts(m, n, maxGap)) {
          into = c;
          break;
        }
      }
      if (into == null) {
        into = new Chain(m, n);
        chains.add(into);
      } else {
        into.add(m, n);
      }
    }
    List<Passage> out = new ArrayList<>();
    for (Chain c : chains) {
      if (c.count >= minNgrams) {
        out.add(new Passage(c.sourceStart, c.sourceEnd, c.targetStart, c.targetEnd, c.count));
      }
    }
    out.sort(Comparator.comparingInt(Passage::sourceStart).thenComparingInt(Passage::targetStart));
    return out;
  }

  private static final class Chain {
    private Match last;
    private int sourceStart;
    private int sourceEnd;
    private int targetStart;
    private int targetEnd;
    private long count;

    Chain(Match m, int n) {
      last = m;
      sourceStart = m.sourceIndex();
      sourceEnd = m.sourceIndex() + n;
      targetStart = m.targetIndex();
      targetEnd = m.targetIndex() + n;
      count = 1;
    }

    boolean accepts(Match m, int n, int maxGap) {
      return m.sourceIndex() > last.sourceIndex() && m.sourceIndex() <= last.sourceIndex() + n + maxGap
          && m.targetIndex() > last.targetIndex() && m.targetIndex() <= last.targetIndex() + n + maxGap;
    }

    void add(Match m, int n) {
      last = m;
      sourceStart = Math.min(sourceStart, m.sourceIndex());
      sourceEnd = Math.max(sourceEnd, m.sourceIndex() + n);
      targetStart = Math.min(targetStart, m.targetIndex());
      targetEnd = Math.max(targetEnd, m.targetIndex() + n);
      count++;
    }
  }
}
