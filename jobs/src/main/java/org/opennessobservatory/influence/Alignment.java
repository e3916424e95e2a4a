package org.opennessobservatory.influence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.collections4.sequence.SequencesComparator;

/**
 * Aligns one candidate pair (a source and a target text) into reused passages, from the rare n-grams both share
 * (the seeds found by the inverted index of {@link InfluenceStage}, and of stage links for its reuse links). Words
 * and n-grams are those of {@link ReuseNgrams}; seeds are chained by {@link ReusePassages#merge}.
 *
 * <p>Steps, all on words:
 * <ol>
 *   <li>Chain: seeds in source order join a passage when, on both sides, they start at most {@code maxGap} words
 *       after the previous seed ends ({@link ReusePassages}): small edits (a word changed, inserted, dropped, a
 *       sentence split by inserted words) break a few n-grams but not the chain.</li>
 *   <li>Extend: each passage grows word by word outwards while the next words on both sides are equal (the n-gram
 *       seeds stop short of a match's ends only when the text ends; extension recovers words an edit cut off from a
 *       seed).</li>
 *   <li>Merge: passages (in source order) whose gaps are at most {@code maxGap} words on both sides become one.</li>
 *   <li>Score: similarity = 2·LCS / (source words + target words) over the passage's words (LCS = longest common
 *       subsequence of normalised words; 1 for verbatim reuse).</li>
 *   <li>Keep: target words ≥ {@code minWords} and similarity ≥ {@code minSimilarity}.</li>
 *   <li>Boilerplate: the passage is boilerplate when at least half of its seeds are n-grams found in
 *       {@code boilerplateContributions} or more contributions of the process.</li>
 * </ol>
 * Character offsets are UTF-16 indexes into the texts ({@code String} indexes), end exclusive, from the first
 * word's start to the last word's end.
 */
public final class Alignment {
  private Alignment() {}

  /**
   * The alignment's parameters.
   *
   * @param n words per n-gram (5)
   * @param maxGap words allowed between two seeds or two passages merged into one (4)
   * @param minWords words a kept passage spans in the target (7)
   * @param minSimilarity similarity a kept passage needs (0.6)
   * @param boilerplateContributions contributions of the process an n-gram must occur in to count as boilerplate
   *     (10)
   * @param maxDocumentFrequency documents of the process (contributions and outcomes) beyond which an n-gram is left
   *     out of the index altogether (100): with the occurrences per document that seed, this bounds the seeds an
   *     n-gram yields (see Seeds)
   * @param minSeeds shared rare n-grams a pair needs to be aligned at all (2)
   */
  public record Config(int n, int maxGap, int minWords, double minSimilarity, int boilerplateContributions,
      int maxDocumentFrequency, int minSeeds) implements Serializable {
    public static Config defaults() {
      return new Config(5, 4, 7, 0.6, 10, 100, 2);
    }
  }

  /** A shared n-gram: the index of its first word on each side, and in how many contributions it occurs. */
  public record Seed(int sourceIndex, int targetIndex, int contributions) implements Serializable {}

  /** A reused passage: word ranges and character spans on both sides (end exclusive), similarity, boilerplate. */
  public record Passage(int sourceWordStart, int sourceWordEnd, int targetWordStart, int targetWordEnd,
      int sourceStart, int sourceEnd, int targetStart, int targetEnd, double similarity, boolean boilerplate,
      int seeds) implements Serializable {}

  public static List<Passage> align(String source, String target, List<Seed> seeds, Config config) {
    List<ReuseNgrams.Word> s = ReuseNgrams.words(source);
    List<ReuseNgrams.Word> t = ReuseNgrams.words(target);
    return align(s, t, seeds, config);
  }

  public static List<Passage> align(List<ReuseNgrams.Word> s, List<ReuseNgrams.Word> t, List<Seed> seeds,
      Config config) {
    int n = config.n();
    List<ReusePassages.Match> matches = new ArrayList<>();
    for (Seed seed : seeds) {
      if (seed.sourceIndex() + n <= s.size() && seed.targetIndex() + n <= t.size()) {
        matches.add(new ReusePassages.Match(seed.sourceIndex(), seed.targetIndex()));
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (ReusePassages.Passage p : ReusePassages.merge(matches, n, config.maxGap(), 1)) {
      int[] w = {p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd()};
      extend(s, t, w);
      spans.add(w);
    }
    spans.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[2]));
    List<int[]> merged = new ArrayList<>();
    for (int[] w : spans) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && w[0] - last[1] <= config.maxGap() && w[2] - last[3] <= config.maxGap()
          && w[2] >= last[2] && w[0] >= last[0]) {
        last[1] = Math.max(last[1], w[1]);
        last[3] = Math.max(last[3], w[3]);
      } else {
        merged.add(w.clone());
      }
    }
    List<Passage> out = new ArrayList<>();
    for (int[] w : merged) {
      if (w[3] - w[2] < config.minWords()) {
        continue;
      }
      // The LCS is at most the shorter side: a window that could not reach the threshold even then is not aligned
      // (Myers' algorithm costs most on such lopsided, dissimilar windows).
      int sourceWords = w[1] - w[0];
      int targetWords = w[3] - w[2];
      if (2.0 * Math.min(sourceWords, targetWords) / (sourceWords + targetWords) < config.minSimilarity()) {
        continue;
      }
      double similarity = similarity(s.subList(w[0], w[1]), t.subList(w[2], w[3]));
      if (similarity < config.minSimilarity()) {
        continue;
      }
      int inside = 0;
      int common = 0;
      for (Seed seed : seeds) {
        if (seed.sourceIndex() >= w[0] && seed.sourceIndex() < w[1] && seed.targetIndex() >= w[2]
            && seed.targetIndex() < w[3]) {
          inside++;
          if (seed.contributions() >= config.boilerplateContributions()) {
            common++;
          }
        }
      }
      out.add(new Passage(w[0], w[1], w[2], w[3], s.get(w[0]).start(), s.get(w[1] - 1).end(), t.get(w[2]).start(),
          t.get(w[3] - 1).end(), similarity, inside > 0 && 2 * common >= inside, inside));
    }
    return out;
  }

  /** Words an edit may change, insert or drop on each side and still be stepped over by the extension. */
  static final int EDIT_WORDS = 2;

  /** Words that must agree again after an edit for the extension to step over it. */
  static final int RESUME_WORDS = 2;

  /**
   * Grows a passage {@code w = [sourceStart, sourceEnd, targetStart, targetEnd)} (word indexes) outwards: while the
   * next words on both sides are equal; past an edit of at most {@link #EDIT_WORDS} words on each side when the
   * {@link #RESUME_WORDS} words after it agree again (fewest skipped words first).
   */
  static void extend(List<ReuseNgrams.Word> s, List<ReuseNgrams.Word> t, int[] w) {
    while (true) {
      if (w[1] < s.size() && w[3] < t.size() && eq(s, w[1], t, w[3])) {
        w[1]++;
        w[3]++;
        continue;
      }
      int[] skip = resume(s, t, w[1], w[3], 1);
      if (skip == null) {
        break;
      }
      w[1] += skip[0] + RESUME_WORDS;
      w[3] += skip[1] + RESUME_WORDS;
    }
    while (true) {
      if (w[0] > 0 && w[2] > 0 && eq(s, w[0] - 1, t, w[2] - 1)) {
        w[0]--;
        w[2]--;
        continue;
      }
      int[] skip = resume(s, t, w[0] - 1, w[2] - 1, -1);
      if (skip == null) {
        break;
      }
      w[0] -= skip[0] + RESUME_WORDS;
      w[2] -= skip[1] + RESUME_WORDS;
    }
  }

  /** Words to skip on each side (not both zero) after which RESUME_WORDS words agree, going in direction dir. */
  private static int[] resume(List<ReuseNgrams.Word> s, List<ReuseNgrams.Word> t, int i, int j, int dir) {
    for (int total = 1; total <= 2 * EDIT_WORDS; total++) {
      for (int a = 0; a <= Math.min(total, EDIT_WORDS); a++) {
        int b = total - a;
        if (b > EDIT_WORDS) {
          continue;
        }
        boolean ok = true;
        for (int k = 0; k < RESUME_WORDS && ok; k++) {
          int x = i + dir * (a + k);
          int y = j + dir * (b + k);
          ok = x >= 0 && y >= 0 && x < s.size() && y < t.size() && eq(s, x, t, y);
        }
        if (ok) {
          return new int[] {a, b};
        }
      }
    }
    return null;
  }

  private static boolean eq(List<ReuseNgrams.Word> s, int i, List<ReuseNgrams.Word> t, int j) {
    return s.get(i).norm().equals(t.get(j).norm());
  }

  /** 2·LCS / (|a| + |b|) over normalised words; 1 when both are empty. */
  public static double similarity(List<ReuseNgrams.Word> a, List<ReuseNgrams.Word> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    return 2.0 * lcs(a, b) / (a.size() + b.size());
  }

  /**
   * Longest common subsequence of normalised words, by Myers' difference algorithm: time grows with the words times
   * the words edited, so a passage reused nearly verbatim costs little at any length (a table of every pair of words
   * would not, and cutting it at some length scored long verbatim passages below the threshold).
   */
  static int lcs(List<ReuseNgrams.Word> a, List<ReuseNgrams.Word> b) {
    return new SequencesComparator<>(a.stream().map(ReuseNgrams.Word::norm).toList(),
        b.stream().map(ReuseNgrams.Word::norm).toList()).getScript().getLCSLength();
  }
}
