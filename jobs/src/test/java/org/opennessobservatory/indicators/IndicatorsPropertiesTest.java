package org.opennessobservatory.indicators;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Invariants over random sessions, as seeded loops (not jqwik, see docs/indicators.md): shares that partition a
 * whole sum to 1, every share in [0, 1], Gini in [0, 1 - 1/n], HHI in [1/7, 1], and counts add up.
 */
class IndicatorsPropertiesTest {
  private static final List<String> ROLES = List.of("chair", "moderator", "panelist", "audience", "remote",
      "unknown");
  private static final List<String> GENDERS = List.of("woman", "man", "non_binary");

  static Tally randomTally(Random random) {
    Tally tally = new Tally();
    randomTurns(random, "s").forEach(tally::add);
    return tally;
  }

  static List<TurnFact> randomTurns(Random random, String session) {
    List<TurnFact> out = new java.util.ArrayList<>();
    int persons = 1 + random.nextInt(8);
    String[] gender = new String[persons];
    String[] region = new String[persons];
    Boolean[] newcomer = new Boolean[persons];
    for (int p = 0; p < persons; p++) {
      gender[p] = random.nextInt(4) == 0 ? null : GENDERS.get(random.nextInt(3));
      region[p] = random.nextInt(4) == 0 ? null : GlobalSouth.UN_REGIONS.get(random.nextInt(5));
      newcomer[p] = random.nextInt(4) == 0 ? null : random.nextBoolean();
    }
    int turns = 1 + random.nextInt(30);
    for (int i = 0; i < turns; i++) {
      int p = random.nextInt(persons + 1) - 1; // -1: an unknown turn
      out.add(new TurnFact(session, p < 0 ? null : "p" + p, Tally.GROUPS.get(random.nextInt(8)),
          ROLES.get(random.nextInt(ROLES.size())), random.nextInt(400), random.nextInt(3),
          p < 0 ? null : gender[p], p < 0 ? null : region[p], p < 0 ? null : newcomer[p],
          Map.of(DissentKind.DISAGREEMENT, (long) random.nextInt(2))));
    }
    return out;
  }

  @Test
  void sharesPartitionAndStayInRange() {
    Random random = new Random(20240501L);
    for (int run = 0; run < 2000; run++) {
      Map<String, Object> m = SessionIndicators.of(randomTally(random));
      String where = "run " + run + ": ";
      long words = (Long) m.get("words");
      long turns = (Long) m.get("turns");
      Assertions.assertTrue(turns >= (Long) m.get("unknown_turns"), where + "unknown turns within turns");
      assertSumsToOne(m, Tally.GROUPS.stream().map(g -> "turn_share_" + g).toList(), where);
      if (words > 0) {
        assertSumsToOne(m, Tally.GROUPS.stream().map(g -> "word_share_" + g).toList(), where);
      }
      if (m.get("global_south_word_share") != null) {
        assertSumsToOne(m, GlobalSouth.UN_REGIONS.stream().map(r -> "region_word_share_" + r).toList(), where);
      }
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (e.getValue() instanceof Double d && !e.getKey().equals("dissent_markers_per_10k_words")) {
          Assertions.assertTrue(d >= 0 && d <= 1 + 1e-12, where + e.getKey() + " = " + d + " outside [0, 1]");
        }
      }
      long speakers = (Long) m.get("speakers");
      if (m.get("gini_words") != null) {
        Assertions.assertTrue((Double) m.get("gini_words") <= 1 - 1.0 / speakers + 1e-12, where + "Gini bound");
        Assertions.assertTrue((Double) m.get("top_speaker_share") >= 1.0 / speakers - 1e-12, where + "top share");
      }
      if (m.get("hhi_groups") != null) {
        Assertions.assertTrue((Double) m.get("hhi_groups") >= 1 / 7.0 - 1e-12, where + "HHI >= 1/7");
      }
      // The floor's shares cannot exceed the whole: chair + audience + remote words are disjoint roles.
      if (words > 0) {
        double floor = (Double) m.get("chair_word_share") + (Double) m.get("audience_word_share")
            + (Double) m.get("remote_word_share");
        Assertions.assertTrue(floor <= 1 + 1e-12, where + "disjoint role shares sum to at most 1");
      }
    }
  }

  @Test
  void equalGroupsAreMaximallyDiverse() {
    Tally tally = new Tally();
    for (String g : Tally.KNOWN_GROUPS) {
      tally.add(new TurnFact("s", "p-" + g, g, "panelist", 70, 0, null, null, null, Map.of()));
    }
    Map<String, Object> m = SessionIndicators.of(tally);
    Assertions.assertTrue(Math.abs((Double) m.get("entropy_groups") - 1) < 1e-12, "entropy 1 for equal groups");
    Assertions.assertTrue(Math.abs((Double) m.get("hhi_groups") - 1 / 7.0) < 1e-12, "HHI 1/7 for equal groups");
    Assertions.assertTrue(Math.abs((Double) m.get("gini_words")) < 1e-12, "Gini 0 for equal speakers");
  }

  @Test
  void aForumYearIsItsSessionsPooled() {
    // One tally over two sessions' turns gives, for every share of words, the word-weighted mean of the two.
    Random random = new Random(7L);
    for (int run = 0; run < 500; run++) {
      List<TurnFact> a = randomTurns(random, "a");
      List<TurnFact> b = randomTurns(random, "b");
      Tally ta = new Tally();
      Tally tb = new Tally();
      Tally pooled = new Tally();
      a.forEach(ta::add);
      b.forEach(tb::add);
      a.forEach(pooled::add);
      b.forEach(pooled::add);
      Map<String, Object> ma = SessionIndicators.of(ta);
      Map<String, Object> mb = SessionIndicators.of(tb);
      Map<String, Object> mp = SessionIndicators.of(pooled);
      long wa = (Long) ma.get("words");
      long wb = (Long) mb.get("words");
      Assertions.assertEquals(2L, pooled.sessions());
      Assertions.assertEquals(wa + wb, mp.get("words"));
      if (wa == 0 || wb == 0) {
        continue;
      }
      for (String c : List.of("word_share_government", "word_share_unknown", "chair_word_share",
          "audience_word_share", "attributed_word_share")) {
        double expected = ((Double) ma.get(c) * wa + (Double) mb.get(c) * wb) / (wa + wb);
        Assertions.assertTrue(Math.abs(expected - (Double) mp.get(c)) < 1e-12, "run " + run + " " + c);
      }
    }
  }

  private static void assertSumsToOne(Map<String, Object> m, List<String> columns, String where) {
    double sum = columns.stream().mapToDouble(c -> (Double) m.get(c)).sum();
    Assertions.assertTrue(Math.abs(sum - 1) < 1e-9, where + columns + " sum to " + sum);
  }
}
