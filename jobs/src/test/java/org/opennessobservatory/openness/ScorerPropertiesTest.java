package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random rubrics and random evidence, including nulls, NaN, infinities and values far outside the
 * bands: every score in [0, 1] or not assessed, overall in [0, 100], coverages in [0, 1], and a score exists exactly
 * when its coverage is above 0.
 */
class ScorerPropertiesTest {
  private static final Object[] SPECIAL = {null, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      0.0, 1.0, -1e9, 1e9};

  @Test
  void randomRubricsAndEvidenceKeepScoresInRange() {
    Random random = new Random(20261128);
    for (int round = 0; round < 2000; round++) {
      Rubric rubric = randomRubric(random);
      check(Scorer.score(rubric, randomEvidence(random, rubric)));
    }
  }

  @Test
  void defaultRubricKeepsScoresInRange() {
    Rubric rubric = Rubric.loadDefault(IndicatorNames.FORUM_YEAR);
    Random random = new Random(11);
    for (int round = 0; round < 2000; round++) {
      check(Scorer.score(rubric, randomEvidence(random, rubric)));
    }
  }

  private static void check(Scorecard s) {
    for (CriterionScore c : s.criteria()) {
      assertTrue(c.score() == null || (c.score() >= 0 && c.score() <= 1), () -> c.criterion().id() + " " + c);
    }
    for (PrincipleScore p : s.principles().values()) {
      assertTrue(p.coverage() >= 0 && p.coverage() <= 1, p::toString);
      assertEquals(p.score() == null, p.coverage() == 0, p::toString);
      assertTrue(p.score() == null || (p.score() >= 0 && p.score() <= 1), p::toString);
    }
    assertTrue(s.coverage() >= 0 && s.coverage() <= 1, s::toString);
    assertEquals(s.overall() == null, s.coverage() == 0, s::toString);
    assertTrue(s.overall() == null || (s.overall() >= 0 && s.overall() <= 100), s::toString);
  }

  /** Values of the type each criterion's rule reads, a third of them special; text for categorical rules. */
  private static Map<String, Object> randomEvidence(Random random, Rubric rubric) {
    Map<String, Object> values = new HashMap<>();
    for (Criterion c : rubric.criteria()) {
      for (String indicator : c.indicators()) {
        Object value;
        if (random.nextInt(3) == 0) {
          value = SPECIAL[random.nextInt(SPECIAL.length)];
        } else if (c.rule() instanceof Rule.Categorical) {
          value = random.nextBoolean() ? random.nextBoolean() : "v" + random.nextInt(5);
        } else {
          value = random.nextBoolean() ? (Object) (random.nextDouble() * 200 - 50) : (Object) random.nextLong(-5, 100);
        }
        if (value != null) {
          values.put(indicator, value);
        }
      }
    }
    return values;
  }

  private static Rubric randomRubric(Random random) {
    List<Principle> principles = new ArrayList<>();
    for (Principle p : Principle.values()) {
      if (random.nextBoolean()) {
        principles.add(p);
      }
    }
    if (principles.isEmpty()) {
      principles.add(Principle.DIVERSITY);
    }
    Map<Principle, Double> weights = new EnumMap<>(Principle.class);
    double[] principleWeights = weights(random, principles.size());
    List<Criterion> criteria = new ArrayList<>();
    for (int i = 0; i < principles.size(); i++) {
      weights.put(principles.get(i), principleWeights[i]);
      double[] criterionWeights = weights(random, 1 + random.nextInt(4));
      for (double w : criterionWeights) {
        int n = criteria.size();
        List<String> indicators = new ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          indicators.add("i" + n + "_" + k);
        }
        criteria.add(new Criterion("c" + n, principles.get(i), "label", "rationale", indicators,
            Combine.values()[random.nextInt(2)], randomRule(random), w, List.of(NetmundialPrinciple.TRANSPARENT),
            Iap2Level.INFORM));
      }
    }
    return new Rubric("random", weights, criteria);
  }

  private static double[] weights(Random random, int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 0.01 + random.nextDouble();
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= sum;
    }
    return w;
  }

  private static Rule randomRule(Random random) {
    double a = random.nextDouble() * 100 - 20;
    double b = a + (random.nextBoolean() ? 1 : -1) * (0.001 + random.nextDouble() * 50);
    return switch (random.nextInt(3)) {
      case 0 -> new Rule.Threshold(a, random.nextBoolean());
      case 1 -> new Rule.Linear(a, b);
      default -> new Rule.Categorical(Map.of("true", random.nextDouble(), "v1", 1.0, "v2", 0.0));
    };
  }
}
