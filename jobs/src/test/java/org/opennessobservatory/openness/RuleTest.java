package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleTest {
  private static final double EPS = 1e-12;

  @Test
  void thresholdIncludesTheCut() {
    Rule atLeast = new Rule.Threshold(14, true);
    assertEquals(1.0, atLeast.score(14L));
    assertEquals(1.0, atLeast.score(30));
    assertEquals(0.0, atLeast.score(13.9));
    Rule atMost = new Rule.Threshold(30, false);
    assertEquals(1.0, atMost.score(30));
    assertEquals(1.0, atMost.score(0));
    assertEquals(0.0, atMost.score(31L));
  }

  @Test
  void linearBandIsClampedAndMayDecrease() {
    Rule rising = new Rule.Linear(0, 0.2);
    assertEquals(0.25, rising.score(0.05), EPS); // 0.05 / 0.2
    assertEquals(0.5, rising.score(0.1), EPS);
    assertEquals(0.0, rising.score(-0.1), EPS);
    assertEquals(1.0, rising.score(0.3), EPS);
    assertEquals(1.0, rising.score(Double.POSITIVE_INFINITY), EPS);
    Rule falling = new Rule.Linear(0.40, 0.15); // a chair's word share: less is better
    assertEquals(0.0, falling.score(0.40), EPS);
    assertEquals(1.0, falling.score(0.15), EPS);
    assertEquals(0.4, falling.score(0.30), EPS); // (0.30 − 0.40) / (0.15 − 0.40) = −0.10 / −0.25
    assertEquals(0.0, falling.score(0.50), EPS);
    assertEquals(1.0, falling.score(0.05), EPS);
  }

  @Test
  void categoricalMatchesBooleansTextAndPlainNumbers() {
    Rule published = new Rule.Categorical(Map.of("true", 1.0, "false", 0.0));
    assertEquals(1.0, published.score(Boolean.TRUE));
    assertEquals(0.0, published.score(false));
    Rule status = new Rule.Categorical(Map.of("full", 1.0, "partial", 0.5));
    assertEquals(0.5, status.score("partial"));
    assertNull(status.score("none"), "a value the rubric does not list has no score: not assessed, not 0");
    Rule counts = new Rule.Categorical(Map.of("1", 0.3, "0.5", 1.0));
    assertEquals(0.3, counts.score(1L));
    assertEquals(0.3, counts.score(1.0));
    assertEquals(1.0, counts.score(0.50));
  }

  @Test
  void yamlBooleanKeysAreReadAsText() {
    Rubric rubric = ThreeCriteria.parseWith("{type: linear, zero: 0, full: 30}",
        "{type: categorical, scores: {true: 1, false: 0, partly: 0.5}}");
    assertEquals(new Rule.Categorical(Map.of("true", 1.0, "false", 0.0, "partly", 0.5)),
        rubric.criteria().get(2).rule());
  }

  @Test
  void numericRulesRefuseText() {
    assertEquals("rule linear needs a number, not String 'high'",
        assertThrows(IllegalArgumentException.class, () -> new Rule.Linear(0, 1).score("high")).getMessage());
    assertEquals("rule threshold needs a number, not Boolean 'true'",
        assertThrows(IllegalArgumentException.class, () -> new Rule.Threshold(0, true).score(true)).getMessage());
  }
}
