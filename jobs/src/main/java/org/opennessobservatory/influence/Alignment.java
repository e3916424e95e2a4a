package org.opennessobservatory.influence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opennessobservatory.mapping.ReuseNgrams;
import org.opennessobservatory.mapping.ReusePassages;

/**
 * Aligns one candidate pair (a source and a target text) into reused passages, from the rare n-grams both share
 * (the seeds found by the inverted index of {@link InfluenceStage}). Words and n-grams are those of
 * {@link ReuseNgrams} (the same tokenizer stage links uses); seeds are chained by {@link ReusePassages#merge}.
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
   * @param minWords words a kept passage spans in the target (8)
   * @param minSimilarity similarity a kept passage needs (0.6)
   * @param boilerplateContributions contributions of the process an n-gram must occur in to count as boilerplate
   *     (10)
   * @param maxDocumentFrequency documents of the process (contributions and outcomes) beyond which an n-gram is left
   *     out of the index altogether (100): this bounds the seeds an n-gram yields by maxDocumentFrequency²
   * @param minSeeds shared rare n-grams a pair needs to be aligned at all (2)
   */
  public record Config(int n, int maxGap, int minWords, double minSimilarity, int boilerplateContributions,
      int maxDocumentFrequency, int minSeeds) implements Serializable {
    public static Config defaults() {
      return new Config(5, 4, 8, 0.6, 10, 100, 2);
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
        // Word indexes in place of character offsets: merge keeps the spans' extremes, which are word bounds.
        matches.add(new ReusePassages.Match(seed.sourceIndex(), seed.sourceIndex(), seed.sourceIndex() + n,
            seed.targetIndex(), seed.targetIndex(), seed.targetIndex() + n));
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (ReusePassages.Passage p : ReusePassages.merge(matches, n, config.maxGap(), 1)) {
      int[] w = {p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd()};
      while (w[0] > 0 && w[2] > 0 && s.get(w[0] - 1).norm().equals(t.get(w[2] - 1).norm())) {
        w[0]--;
        w[2]--;
      }
      while (w[1] < s.size() && w[3] < t.size() && s.get(w[1]).norm().equals(t.get(w[3]).norm())) {
        w[1]++;
        w[3]++;
      }
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

  /** Longest common subsequence of words beyond which similarity is estimated on a band (bounds time and memory). */
  static final int MAX_LCS_WORDS = 2_000;

  /** 2·LCS / (|a| + |b|) over normalised words; 1 when both are empty. */
  public static double similarity(List<ReuseNgrams.Word> a, List<ReuseNgrams.Word> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    return 2.0 * lcs(a, b) / (a.size() + b.size());
  }

  static int lcs(List<ReuseNgrams.Word> a, List<ReuseNgrams.Word> b) {
    int m = Math.min(a.size(), MAX_LCS_WORDS);
    int k = Math.min(b.size(), MAX_LCS_WORDS);
    int[] prev = new int[k + 1];
    int[] cur = new int[k + 1];
    for (int i = 1; i <= m; i++) {
      String w = a.get(i - 1).norm();
      for (int j = 1; j <= k; j++) {
        cur[j] = w.equals(b.get(j - 1).norm()) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] x = prev;
      prev = cur;
      cur = x;
    }
    return prev[k];
  }
}
