package org.opennessobservatory.indicators;

import static org.opennessobservatory.indicators.IndicatorsFixture.assertColumns;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The pure aggregation, without Spark: session A of the fixture, and what is undefined when nothing was said. */
class SessionIndicatorsTest {

  static final Map<DissentKind, Long> NONE = Map.of();

  static TurnFact t(String person, String group, String role, long words, long questions, String gender,
      String region, Boolean newcomer, Map<DissentKind, Long> dissent) {
    return new TurnFact("s1", person, group, role, words, questions, gender, region, newcomer, dissent);
  }

  static Tally sessionA() {
    return new Tally()
        .add(t("p1", "government", "chair", 100, 0, "woman", "africa", false, NONE))
        .add(t("p2", "civil_society", "panelist", 200, 1, "man", "weog", false,
            Map.of(DissentKind.DISAGREEMENT, 1L)))
        .add(t("p3", "private_sector", "panelist", 100, 0, "woman", "asia_pacific", true, NONE))
        .add(t(null, "unknown", "audience", 50, 2, null, null, null, NONE))
        .add(t("p1", "government", "chair", 50, 0, "woman", "africa", false, NONE));
  }

  @Test
  void sessionAAsInTheSparkFixture() {
    Map<String, Object> expected = new java.util.LinkedHashMap<>(IndicatorsStageTest.SESSION_A);
    for (String key : new String[] {"forum", "year", "session_id", "doc_id", "row_level",
        "session_transcripts", "dissent_lexicon_version"}) { // the stage's columns around the indicators
      expected.remove(key);
    }
    Map<String, Object> actual = SessionIndicators.of(sessionA());
    assertColumns(expected, actual, "session A");
    Assertions.assertEquals(java.util.List.of(SessionIndicators.FIELDS.fieldNames()),
        java.util.List.copyOf(actual.keySet()), "columns in schema order");
  }

  @Test
  void dissentIsCountedByKindAndInTotal() {
    // Turn 1: one disagreement; turn 2: two objections and a reservation. Total 1 + 2 + 1 = 4 in 100 + 300 words.
    Tally tally = new Tally()
        .add(t("p1", "government", "panelist", 100, 0, null, null, null, Map.of(DissentKind.DISAGREEMENT, 1L)))
        .add(t("p2", "civil_society", "panelist", 300, 0, null, null, null,
            Map.of(DissentKind.OBJECTION, 2L, DissentKind.RESERVATION, 1L)));
    Map<String, Object> m = SessionIndicators.of(tally);
    assertColumns(Map.of("dissent_markers", 4L, "dissent_markers_disagreement", 1L, "dissent_markers_objection",
        2L, "dissent_markers_reservation", 1L, "dissent_markers_per_10k_words", 4 * 10_000 / 400.0), m, "dissent");
  }

  @Test
  void nothingSaidIsNullNotZero() {
    // Two turns of 0 words: one unnamed, one by a person of unknown gender, region and first appearance.
    Tally tally = new Tally().add(t(null, "unknown", "audience", 0, 0, null, null, null, NONE))
        .add(t("p9", "unknown", "panelist", 0, 0, null, null, null, NONE));
    Map<String, Object> m = SessionIndicators.of(tally);
    Assertions.assertEquals(2L, m.get("turns"));
    Assertions.assertEquals(1L, m.get("speakers"));
    Assertions.assertEquals(0L, m.get("words"));
    Assertions.assertEquals(1.0, m.get("turn_share_unknown"), "turns exist, so turn shares are defined");
    Assertions.assertEquals(0.5, m.get("audience_turn_share"));
    for (String c : new String[] {"attributed_word_share", "word_share_unknown", "women_speaker_share",
        "women_word_share", "gender_coverage", "global_south_word_share", "region_word_share_weog",
        "region_coverage", "gini_words", "hhi_groups", "entropy_groups", "top_speaker_share", "chair_word_share",
        "newcomer_speaker_share", "newcomer_word_share", "dissent_markers_per_10k_words"}) {
      Assertions.assertTrue(m.containsKey(c) && m.get(c) == null, c + " should be null, is " + m.get(c));
    }
  }

  @Test
  void newcomerIsTheFirstForumYearAndUnknownWithoutAYearOrInTheForumsFirstYear() {
    // igf's turns begin in 2022 in these cases
    Assertions.assertEquals(Boolean.TRUE, TurnFact.newcomer("p", "igf", 2023, "igf", 2023, 2022));
    Assertions.assertEquals(Boolean.FALSE, TurnFact.newcomer("p", "igf", 2023, "eurodig", 2023, 2022));
    Assertions.assertEquals(Boolean.FALSE, TurnFact.newcomer("p", "igf", 2023, "igf", 2022, 2022));
    Assertions.assertNull(TurnFact.newcomer("p", "igf", null, "igf", 2023, 2022));
    Assertions.assertNull(TurnFact.newcomer("p", "igf", 2023, "igf", null, 2022));
    Assertions.assertNull(TurnFact.newcomer(null, "igf", 2023, null, null, 2022));
    // 2022 is igf's first year in the corpus: new or not, nobody can be told there
    Assertions.assertNull(TurnFact.newcomer("p", "igf", 2022, "igf", 2022, 2022));
    Assertions.assertNull(TurnFact.newcomer("p", "igf", 2022, "eurodig", 2021, 2022));
  }

  @Test
  void aGroupOutsideTheTaxonomyFails() {
    IllegalArgumentException e = Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Tally().add(t("p", "media", "panelist", 1, 0, null, null, null, NONE)));
    Assertions.assertTrue(e.getMessage().contains("'media'"), e.getMessage());
  }
}
