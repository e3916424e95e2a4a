package org.opennessobservatory.openness;

import java.util.List;
import java.util.Locale;

/** How a criterion that reads several indicators joins their scores into one. */
public enum Combine {
  /** The arithmetic mean: each indicator counts equally. */
  MEAN,
  /** The lowest score: the criterion is met only as far as its weakest indicator. */
  MIN;

  /** The name in rubric files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The combined score of the indicators that were scored (at least one). */
  double apply(List<Double> scores) {
    return this == MIN
        ? scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow()
        : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
