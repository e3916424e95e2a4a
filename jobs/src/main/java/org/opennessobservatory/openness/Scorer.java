package org.opennessobservatory.openness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one forum-year's indicator values against a rubric. Pure: the same rubric and values give the same
 * scorecard, with no Spark and no I/O, so that every number can be checked by hand.
 *
 * <p>Missing evidence is "not assessed", never 0: an indicator whose value is absent, null or NaN contributes
 * nothing, and what was assessed is reported as coverage beside every score. With w the weights of the rubric:
 * <ul>
 *   <li><b>criterion</b>: each indicator with evidence is scored by the criterion's rule; the criterion's score is
 *       the mean (or, with {@code combine: min}, the minimum) of those scores; null when there are none;
 *   <li><b>principle</b> p: score_p = Σ w_c·score_c / Σ w_c over its assessed criteria c (null when none);
 *       coverage_p = Σ w_c over assessed c / Σ w_c over all its criteria;
 *   <li><b>overall</b> = 100 · Σ w_p·score_p / Σ w_p over assessed principles p (weights renormalised over the
 *       assessed ones; null when none); overall coverage = Σ w_p·coverage_p / Σ w_p over all principles.
 * </ul>
 * Weights sum to 1, so the denominators over all criteria or principles are 1 up to rounding; dividing by them
 * keeps coverages within [0, 1] even when a rubric's weights sum to 1 only within the reader's tolerance.
 */
public final class Scorer {
  private Scorer() {}

  /**
   * @param indicators indicator name → value (a number, boolean or text); an absent key, null or NaN is no evidence
   * @throws IllegalArgumentException naming criterion and indicator when a value is of a type its rule cannot score
   */
  public static Scorecard score(Rubric rubric, Map<String, ?> indicators) {
    List<CriterionScore> criteria = new ArrayList<>();
    for (Criterion c : rubric.criteria()) {
      criteria.add(criterion(c, indicators));
    }
    Map<Principle, PrincipleScore> principles = new EnumMap<>(Principle.class);
    double total = 0;
    double covered = 0;
    double assessed = 0;
    double weighted = 0;
    for (Map.Entry<Principle, Double> e : rubric.principleWeights().entrySet()) {
      PrincipleScore p = principle(e.getKey(), criteria);
      principles.put(e.getKey(), p);
      double w = e.getValue();
      total += w;
      covered += w * p.coverage();
      if (p.score() != null) {
        assessed += w;
        weighted += w * p.score();
      }
    }
    Double overall = assessed > 0 ? 100 * (weighted / assessed) : null;
    return new Scorecard(List.copyOf(criteria), Collections.unmodifiableMap(principles), overall, covered / total);
  }

  private static CriterionScore criterion(Criterion c, Map<String, ?> indicators) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Double> scores = new ArrayList<>();
    for (String indicator : c.indicators()) {
      Object value = indicators.get(indicator);
      values.put(indicator, value);
      if (isEvidence(value)) {
        Double score;
        try {
          score = c.rule().score(value);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("criterion '" + c.id() + "', indicator '" + indicator + "': "
              + e.getMessage(), e);
        }
        if (score != null) {
          scores.add(score);
        }
      }
    }
    Double score = scores.isEmpty() ? null : c.combine().apply(scores);
    return new CriterionScore(c, Collections.unmodifiableMap(values), score);
  }

  private static PrincipleScore principle(Principle principle, List<CriterionScore> criteria) {
    double total = 0;
    double assessed = 0;
    double weighted = 0;
    for (CriterionScore cs : criteria) {
      if (cs.criterion().principle() == principle) {
        double w = cs.criterion().weight();
        total += w;
        if (cs.score() != null) {
          assessed += w;
          weighted += w * cs.score();
        }
      }
    }
    return new PrincipleScore(principle, assessed > 0 ? weighted / assessed : null, assessed / total);
  }

  private static boolean isEvidence(Object value) {
    return value != null && !(value instanceof Double d && d.isNaN()) && !(value instanceof Float f && f.isNaN());
  }
}
