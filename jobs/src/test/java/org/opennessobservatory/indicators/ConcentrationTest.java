package org.opennessobservatory.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ConcentrationTest {
  private static final double EPS = 1e-12;
  private static final List<String> GROUPS = List.of("government", "civil_society", "private_sector",
      "technical_community", "academia", "intergovernmental", "other");

  @Test
  void giniByHand() {
    // |differences| of the 6 pairs: 10 20 30 10 20 10 = 100, both orders 200; 2 n² μ = 2 · 16 · 25 = 800; 200/800
    // sorted: (−3·10 − 1·20 + 1·30 + 3·40) / (4 · 100) = 100/400
    assertEquals(0.25, Concentration.gini(10, 20, 30, 40).getAsDouble(), EPS);
    // |1 − 3| both orders = 4; 2 · 2² · 2 = 16; 4/16
    assertEquals(0.25, Concentration.gini(1, 3).getAsDouble(), EPS);
    // one speaker has everything: (3 · 100) / (4 · 100) = 1 − 1/n, the maximum for n = 4
    assertEquals(0.75, Concentration.gini(0, 0, 0, 100).getAsDouble(), EPS);
    // (−2·1 + 0·2 + 2·6) / (3 · 9) = 10/27
    assertEquals(10.0 / 27, Concentration.gini(6, 1, 2).getAsDouble(), EPS);
    assertEquals(0, Concentration.gini(5, 5, 5).getAsDouble(), EPS);
  }

  @Test
  void giniEdgeCases() {
    assertEquals(0, Concentration.gini(42).getAsDouble()); // one speaker: nobody to be unequal to
    assertEquals(OptionalDouble.empty(), Concentration.gini()); // nobody
    assertEquals(OptionalDouble.empty(), Concentration.gini(0, 0, 0)); // nobody said a word
    assertEquals(OptionalDouble.empty(), Concentration.gini(0));
    double[] amounts = {40, 10, 30, 20};
    assertEquals(0.25, Concentration.gini(amounts).getAsDouble(), EPS);
    assertArrayEquals(new double[] {40, 10, 30, 20}, amounts, "the caller's array is not sorted in place");
  }

  @Test
  void herfindahlByHand() {
    // shares .5 .3 .2: .25 + .09 + .04
    assertEquals(0.38, Concentration.herfindahl(50, 30, 20).getAsDouble(), EPS);
    // four equal shares: 4 · (1/4)² = 1/K
    assertEquals(0.25, Concentration.herfindahl(3, 3, 3, 3).getAsDouble(), EPS);
    // one group holds the floor; absent groups change nothing: 1² + 0 + 0
    assertEquals(1, Concentration.herfindahl(7).getAsDouble(), EPS);
    assertEquals(1, Concentration.herfindahl(0, 7, 0).getAsDouble(), EPS);
    // shares 2/3 1/3: 4/9 + 1/9
    assertEquals(5.0 / 9, Concentration.herfindahl(200, 100).getAsDouble(), EPS);
    assertEquals(OptionalDouble.empty(), Concentration.herfindahl());
    assertEquals(OptionalDouble.empty(), Concentration.herfindahl(0, 0));
  }

  @Test
  void topShareByHand() {
    assertEquals(0.4, Concentration.topShare(10, 20, 30, 40).getAsDouble(), EPS); // 40/100
    assertEquals(0.5, Concentration.topShare(5, 5).getAsDouble(), EPS); // a tie: 5/10
    assertEquals(1, Concentration.topShare(9).getAsDouble(), EPS);
    assertEquals(OptionalDouble.empty(), Concentration.topShare());
    assertEquals(OptionalDouble.empty(), Concentration.topShare(0, 0));
  }

  @Test
  void entropyByHand() {
    // p = 1/2 1/4 1/4 0 over K = 4: (1/2 ln 2 + 1/4 ln 4 + 1/4 ln 4) / ln 4 = (3/2 ln 2) / (2 ln 2)
    Shares fourGroups = Shares.of(Map.of("a", 2, "b", 1, "c", 1), List.of("a", "b", "c", "d")).orElseThrow();
    assertEquals(0.75, Concentration.entropy(fourGroups), EPS);
    // two of the seven groups, half each: ln 2 / ln 7 = 0.693147 / 1.945910 = 0.356207
    Shares two = Shares.of(Map.of("government", 50, "civil_society", 50), GROUPS).orElseThrow();
    assertEquals(0.356207, Concentration.entropy(two), 1e-6);
    // the same two over a taxonomy of two: ln 2 / ln 2 — why K must be the taxonomy, not the groups that spoke
    assertEquals(1, Concentration.entropy(Shares.of(Map.of("x", 50, "y", 50), List.of("x", "y")).orElseThrow()),
        EPS);
    // all seven equal: ln 7 / ln 7
    Map<String, Integer> equal = Map.of("government", 3, "civil_society", 3, "private_sector", 3,
        "technical_community", 3, "academia", 3, "intergovernmental", 3, "other", 3);
    assertEquals(1, Concentration.entropy(Shares.of(equal, GROUPS).orElseThrow()), EPS);
    // one group only: 1 · ln 1 = 0
    assertEquals(0, Concentration.entropy(Shares.of(Map.of("academia", 9), GROUPS).orElseThrow()), EPS);
  }

  @Test
  void entropyNeedsTwoCategories() {
    Shares one = Shares.of(Map.of("government", 1), List.of("government")).orElseThrow();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concentration.entropy(one));
    assertTrue(e.getMessage().contains("at least 2 categories"), e.getMessage());
  }

  @Test
  void negativeAndNonFiniteAmountsAreRejected() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> Concentration.gini(1, bad));
      assertThrows(IllegalArgumentException.class, () -> Concentration.herfindahl(1, bad));
      assertThrows(IllegalArgumentException.class, () -> Concentration.topShare(1, bad));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Concentration.gini(3, -2));
    assertEquals("amount -2.0 at index 1: amounts must be finite and non-negative", e.getMessage());
  }
}
