package org.opennessobservatory.indicators;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * How concentrated the floor is: over the words of each speaker (Gini, top share) or of each stakeholder group
 * (Herfindahl-Hirschman index, normalised entropy). Formulas and worked examples: docs/indicators.md.
 *
 * <p>An indicator that is undefined (no amounts, or amounts that are all zero: nobody spoke) is an empty
 * {@code OptionalDouble}, never 0 or NaN: 0 would claim perfect equality, and NaN would be a value in Spark that
 * averages into NaN, while an empty result is written as null, which aggregates skip and analysts see as missing.
 */
public final class Concentration {
  private Concentration() {}

  /**
   * Gini coefficient G = Σ_i Σ_j |x_i − x_j| / (2 n² μ), computed on the sorted amounts as
   * G = Σ_i (2i − n − 1) x_(i) / (n Σ x), i = 1..n: O(n log n) instead of O(n²). In [0, 1 − 1/n]; 0 for one
   * speaker. The population form, without the n/(n − 1) sample correction: the speakers of a session are all of
   * them, not a sample; the price is that few speakers cap the value (two speakers reach at most 0.5).
   */
  public static OptionalDouble gini(double... amounts) {
    double total = Amounts.total(amounts);
    if (total == 0) {
      return OptionalDouble.empty();
    }
    double[] sorted = amounts.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    // Equal amounts cancel to 0 exactly or to a rounding error either side of it.
    return OptionalDouble.of(Math.max(0, weighted / (n * total)));
  }

  /**
   * Herfindahl-Hirschman index Σ_k s_k², s_k = x_k / Σ x: in [1/K, 1] where K counts the non-zero amounts (1 when
   * one group holds the floor, 1/K when K groups share it equally). Zero amounts change nothing, so the taxonomy's
   * absent groups need not be passed.
   */
  public static OptionalDouble herfindahl(double... amounts) {
    double total = Amounts.total(amounts);
    if (total == 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (double amount : amounts) {
      double share = amount / total;
      sum += share * share;
    }
    return OptionalDouble.of(sum);
  }

  /** The largest amount over the total: the top speaker's share of the words. */
  public static OptionalDouble topShare(double... amounts) {
    double total = Amounts.total(amounts);
    if (total == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Arrays.stream(amounts).max().getAsDouble() / total);
  }

  /**
   * Normalised Shannon entropy H = −Σ_k p_k ln p_k / ln K over the K categories of the shares' taxonomy, with
   * 0 ln 0 = 0: 0 when one group holds the floor, 1 when all K share it equally.
   *
   * <p>K is the size of the taxonomy, not the number of groups that spoke: with K observed, two groups speaking
   * equally would score 1, the same as all seven groups speaking equally, hiding the five absent ones; and one
   * observed group would give 0/0. A fixed K makes values comparable across sessions and forums.
   *
   * @throws IllegalArgumentException if the taxonomy has one category: there is no diversity to measure
   */
  public static double entropy(Shares shares) {
    int k = shares.categories().size();
    if (k < 2) {
      throw new IllegalArgumentException("entropy needs a taxonomy of at least 2 categories, got " + k);
    }
    double sum = 0;
    for (double p : shares.values()) {
      if (p > 0) {
        sum -= p * Math.log(p);
      }
    }
    // Equal shares give 1 up to rounding either side; a value above the maximum would contradict the definition.
    return Math.min(1, sum / Math.log(k));
  }
}
