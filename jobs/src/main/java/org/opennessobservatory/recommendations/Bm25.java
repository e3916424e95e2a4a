package org.opennessobservatory.recommendations;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

/**
 * Okapi BM25 over passages: score(q, p) = Σ_{t ∈ q} idf(t) · f(t,p)·(k1+1) / (f(t,p) + k1·(1 − b + b·|p|/avgdl)),
 * idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)), with N passages, df(t) passages holding t, |p| the passage's
 * content words, avgdl their mean. k1 = 1.2, b = 0.75.
 *
 * @param df passages holding each query term (only terms of the registry are counted)
 */
public record Bm25(long passages, double averageLength, Map<String, Long> df) implements Serializable {
  public static final double K1 = 1.2;
  public static final double B = 0.75;

  public double idf(String term) {
    long d = df.getOrDefault(term, 0L);
    return Math.log(1 + (passages - d + 0.5) / (d + 0.5));
  }

  /** The score of a passage with term frequencies {@code tf} and {@code length} content words. */
  public double score(Collection<String> query, Map<String, Integer> tf, int length) {
    double s = 0;
    double norm = K1 * (1 - B + B * length / Math.max(averageLength, 1e-9));
    for (String t : query) {
      int f = tf.getOrDefault(t, 0);
      if (f > 0) {
        s += idf(t) * f * (K1 + 1) / (f + norm);
      }
    }
    return s;
  }
}
