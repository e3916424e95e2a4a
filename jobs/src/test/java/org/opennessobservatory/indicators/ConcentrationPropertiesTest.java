package org.opennessobservatory.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random amounts from a seeded generator (seeded loops, as in SegmenterPropertiesTest, rather than
 * jqwik: see docs/indicators.md). Amounts mix word-count-like integers, zeros, and wide-ranging doubles; every
 * failure message carries the input.
 */
class ConcentrationPropertiesTest {
  private static final int ROUNDS = 5000;
  private static final double EPS = 1e-9;
  private static final List<String> GROUPS = List.of("government", "civil_society", "private_sector",
      "technical_community", "academia", "intergovernmental", "other");

  @Test
  void sharesSumToOne() {
    Random random = new Random(41);
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, Double> amounts = new HashMap<>();
      double[] values = amounts(random, GROUPS.size());
      for (int i = 0; i < values.length; i++) {
        amounts.put(GROUPS.get(i), values[i]);
      }
      Shares.of(amounts, GROUPS).ifPresent(shares -> {
        double[] s = shares.values();
        assertEquals(1, Arrays.stream(s).sum(), EPS, amounts::toString);
        assertTrue(Arrays.stream(s).allMatch(v -> v >= 0 && v <= 1), amounts::toString);
      });
      assertEquals(Arrays.stream(values).sum() > 0, Shares.of(amounts, GROUPS).isPresent(), amounts::toString);
    }
  }

  @Test
  void giniIsInRangeAndInvariantToScaleAndOrder() {
    Random random = new Random(42);
    for (int round = 0; round < ROUNDS; round++) {
      double[] x = amounts(random, 1 + random.nextInt(60));
      if (Arrays.stream(x).sum() == 0) {
        continue;
      }
      String input = Arrays.toString(x);
      double g = Concentration.gini(x).getAsDouble();
      assertTrue(g >= 0 && g <= 1 - 1.0 / x.length + EPS && g < 1, () -> g + " for " + input);
      double scale = Math.pow(10, random.nextInt(13) - 6);
      double[] scaled = Arrays.stream(x).map(v -> v * scale).toArray();
      assertEquals(g, Concentration.gini(scaled).getAsDouble(), EPS, () -> "× " + scale + ": " + input);
      assertEquals(g, Concentration.gini(shuffled(x, random)).getAsDouble(), EPS, input);
    }
  }

  @Test
  void giniAgreesWithThePairwiseDefinition() {
    Random random = new Random(43);
    for (int round = 0; round < ROUNDS; round++) {
      double[] x = amounts(random, 1 + random.nextInt(30));
      double total = Arrays.stream(x).sum();
      if (total == 0) {
        continue;
      }
      double pairs = 0;
      for (double a : x) {
        for (double b : x) {
          pairs += Math.abs(a - b);
        }
      }
      double mean = total / x.length;
      double expected = pairs / (2.0 * x.length * x.length * mean);
      assertEquals(expected, Concentration.gini(x).getAsDouble(), EPS, Arrays.toString(x));
    }
  }

  @Test
  void herfindahlIsBetweenOneOverKAndOne() {
    Random random = new Random(44);
    for (int round = 0; round < ROUNDS; round++) {
      double[] x = amounts(random, 1 + random.nextInt(12));
      long nonEmpty = Arrays.stream(x).filter(v -> v > 0).count();
      if (nonEmpty == 0) {
        continue;
      }
      double h = Concentration.herfindahl(x).getAsDouble();
      assertTrue(h >= 1.0 / nonEmpty - EPS && h <= 1 + EPS, () -> h + " for " + Arrays.toString(x));
      assertEquals(h, Concentration.herfindahl(shuffled(x, random)).getAsDouble(), EPS);
    }
  }

  @Test
  void entropyIsInRangeAndMaximalForEqualShares() {
    Random random = new Random(45);
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, Double> amounts = new HashMap<>();
      double[] values = amounts(random, GROUPS.size());
      for (int i = 0; i < values.length; i++) {
        amounts.put(GROUPS.get(i), values[i]);
      }
      Shares.of(amounts, GROUPS).ifPresent(shares -> {
        double h = Concentration.entropy(shares);
        assertTrue(h >= 0 && h <= 1, () -> h + " for " + amounts);
      });
      double each = 1 + random.nextInt(1000);
      Map<String, Double> equal = new HashMap<>();
      GROUPS.forEach(g -> equal.put(g, each));
      assertEquals(1, Concentration.entropy(Shares.of(equal, GROUPS).orElseThrow()), EPS);
    }
  }

  @Test
  void topShareIsBetweenOneOverNAndOne() {
    Random random = new Random(46);
    for (int round = 0; round < ROUNDS; round++) {
      double[] x = amounts(random, 1 + random.nextInt(40));
      if (Arrays.stream(x).sum() == 0) {
        continue;
      }
      double top = Concentration.topShare(x).getAsDouble();
      assertTrue(top >= 1.0 / x.length - EPS && top <= 1, () -> top + " for " + Arrays.toString(x));
    }
  }

  /** Word counts of a session's speakers: often small integers, some zeros, sometimes any non-negative double. */
  private static double[] amounts(Random random, int n) {
    double[] x = new double[n];
    int style = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      x[i] = switch (style) {
        case 0 -> random.nextInt(3) == 0 ? 0 : random.nextInt(5000);
        case 1 -> random.nextInt(3);
        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(12));
        default -> 7; // all equal
      };
    }
    return x;
  }

  private static double[] shuffled(double[] x, Random random) {
    double[] copy = x.clone();
    for (int i = copy.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy;
  }
}
