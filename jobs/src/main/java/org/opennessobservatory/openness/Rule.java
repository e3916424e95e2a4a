package org.opennessobservatory.openness;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * How a criterion turns one indicator value into a score in [0, 1]. The value given is evidence: the scorer has
 * already set aside null and NaN, which mean "not assessed" and never reach a rule.
 */
public sealed interface Rule extends Serializable {
  /**
   * The score of a value, in [0, 1], or null when the rule has no score for it (a categorical value the rubric
   * does not list).
   *
   * @throws IllegalArgumentException if the value is of a type the rule cannot score, e.g. text for a linear band
   */
  Double score(Object value);

  /** 1 when the value is at least (or, for {@code atLeast == false}, at most) the cut, else 0. */
  record Threshold(double cut, boolean atLeast) implements Rule {
    @Override
    public Double score(Object value) {
      double v = number(value, "threshold");
      return (atLeast ? v >= cut : v <= cut) ? 1.0 : 0.0;
    }
  }

  /**
   * 0 at {@code zero}, 1 at {@code full}, a straight line between and clamped beyond: score = clamp((v − zero) /
   * (full − zero), 0, 1). A band with zero &gt; full rewards lower values (days of delay, concentration).
   */
  record Linear(double zero, double full) implements Rule {
    @Override
    public Double score(Object value) {
      double s = (number(value, "linear") - zero) / (full - zero);
      return Math.max(0.0, Math.min(1.0, s));
    }
  }

  /**
   * A score per listed value, for text and boolean indicators. Values are compared as text: booleans as
   * {@code true}/{@code false}, numbers in plain form without trailing zeros ({@code 2}, {@code 0.5}).
   */
  record Categorical(Map<String, Double> scores) implements Rule {
    public Categorical {
      scores = Map.copyOf(scores);
    }

    @Override
    public Double score(Object value) {
      return scores.get(key(value));
    }

    static String key(Object value) {
      return value instanceof Number n && Double.isFinite(n.doubleValue())
          ? BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString()
          : value.toString();
    }
  }

  private static double number(Object value, String rule) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("rule " + rule + " needs a number, not " + value.getClass().getSimpleName()
        + " '" + value + "'");
  }
}
