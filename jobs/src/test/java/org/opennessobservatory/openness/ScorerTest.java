package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores of {@link ThreeCriteria} computed by hand (the worked example of docs/openness-rubric.md). Weights:
 * participation 0.6 (audience_floor 0.6, newcomer_voice 0.4), procedural_fairness 0.4 (agenda_lead_time 1).
 */
class ScorerTest {
  private static final double EPS = 1e-12;
  private static final Rubric RUBRIC = ThreeCriteria.parse(ThreeCriteria.YAML);

  private static Scorecard score(Map<String, ?> values) {
    return Scorer.score(RUBRIC, values);
  }

  @Test
  void missingEvidenceIsNotAssessedAndLowersCoverageNotTheScore() {
    // audience_floor: mean(0.10 / 0.2, 0.05 / 0.2) = mean(0.5, 0.25) = 0.375
    // newcomer_voice: no value → not assessed
    // agenda_lead_time: 12 / 30 = 0.4
    // participation = 0.6·0.375 / 0.6 = 0.375, coverage 0.6 / (0.6 + 0.4) = 0.6
    // procedural_fairness = 0.4, coverage 1
    // overall = 100 · (0.6·0.375 + 0.4·0.4) / (0.6 + 0.4) = 100 · (0.225 + 0.16) = 38.5
    // coverage = 0.6·0.6 + 0.4·1 = 0.76
    Scorecard s = score(Map.of("audience_turn_share", 0.10, "audience_word_share", 0.05, "agenda_lead_days", 12L));
    assertEquals(0.375, s.criteria().get(0).score(), EPS);
    assertNull(s.criteria().get(1).score());
    assertEquals(0.4, s.criteria().get(2).score(), EPS);
    assertEquals(0.375, s.principles().get(Principle.PARTICIPATION).score(), EPS);
    assertEquals(0.6, s.principles().get(Principle.PARTICIPATION).coverage(), EPS);
    assertEquals(0.4, s.principles().get(Principle.PROCEDURAL_FAIRNESS).score(), EPS);
    assertEquals(1.0, s.principles().get(Principle.PROCEDURAL_FAIRNESS).coverage(), EPS);
    assertEquals(38.5, s.overall(), 1e-9);
    assertEquals(0.76, s.coverage(), EPS);
  }

  @Test
  void evidenceBelowTheCutScoresZero() {
    // newcomer_voice: 0.1 < 0.2 → 0, assessed
    // participation = (0.6·0.375 + 0.4·0) / (0.6 + 0.4) = 0.225, coverage 1
    // overall = 100 · (0.6·0.225 + 0.4·0.4) = 100 · (0.135 + 0.16) = 29.5, coverage 1
    Scorecard s = score(Map.of("audience_turn_share", 0.10, "audience_word_share", 0.05, "agenda_lead_days", 12L,
        "newcomer_speaker_share", 0.1));
    assertEquals(0.0, s.criteria().get(1).score());
    assertEquals(0.225, s.principles().get(Principle.PARTICIPATION).score(), EPS);
    assertEquals(1.0, s.principles().get(Principle.PARTICIPATION).coverage(), EPS);
    assertEquals(29.5, s.overall(), 1e-9);
    assertEquals(1.0, s.coverage(), EPS);
  }

  @Test
  void nullAndNaNAreNoEvidenceLikeAnAbsentKey() {
    Map<String, Object> values = new HashMap<>(Map.of("audience_turn_share", 0.10, "audience_word_share", 0.05,
        "agenda_lead_days", 12L));
    values.put("newcomer_speaker_share", null);
    assertEquals(38.5, score(values).overall(), 1e-9);
    values.put("newcomer_speaker_share", Double.NaN);
    assertEquals(38.5, score(values).overall(), 1e-9);
    Map<String, Object> recorded = new HashMap<>();
    recorded.put("newcomer_speaker_share", Double.NaN);
    assertEquals(recorded, score(values).criteria().get(1).values(), "the value is reported as given");
  }

  @Test
  void anUnassessedPrincipleLeavesTheOverallToTheOthers() {
    // newcomer_voice: 0.3 ≥ 0.2 → 1; participation = 1, coverage 0.4; procedural_fairness not assessed
    // overall = 100 · 0.6·1 / 0.6 = 100; coverage = 0.6·0.4 + 0.4·0 = 0.24
    Scorecard s = score(Map.of("newcomer_speaker_share", 0.3));
    assertNull(s.principles().get(Principle.PROCEDURAL_FAIRNESS).score());
    assertEquals(0.0, s.principles().get(Principle.PROCEDURAL_FAIRNESS).coverage());
    assertEquals(100.0, s.overall(), 1e-9);
    assertEquals(0.24, s.coverage(), EPS);
  }

  @Test
  void noEvidenceAtAllIsNoScore() {
    Scorecard s = score(Map.of());
    assertNull(s.overall());
    assertEquals(0.0, s.coverage());
    s.criteria().forEach(c -> assertNull(c.score(), c.criterion().id()));
  }

  @Test
  void severalIndicatorsCombineOverThoseWithEvidence() {
    // one of two indicators: its own score, 0.05 / 0.2 = 0.25
    assertEquals(0.25, score(Map.of("audience_word_share", 0.05)).criteria().get(0).score(), EPS);
    // combine: min → min(0.5, 0.25)
    Rubric min = ThreeCriteria.parseWith("    rule: {type: linear, zero: 0, full: 0.2}",
        "    combine: min\n    rule: {type: linear, zero: 0, full: 0.2}");
    assertEquals(0.25, Scorer.score(min, Map.of("audience_turn_share", 0.10, "audience_word_share", 0.05))
        .criteria().get(0).score(), EPS);
  }

  @Test
  void aValueOfTheWrongTypeNamesCriterionAndIndicator() {
    assertEquals("criterion 'audience_floor', indicator 'audience_word_share': rule linear needs a number, not "
            + "String 'high'",
        assertThrows(IllegalArgumentException.class, () -> score(Map.of("audience_word_share", "high")))
            .getMessage());
  }

  @Test
  void defaultRubricScoresBooleanAndUnlistedCategoricalValues() {
    Rubric rubric = Rubric.loadDefault(IndicatorNames.FORUM_YEAR);
    CriterionScore published = Scorer.score(rubric, Map.of("outputs_published", true)).criteria().stream()
        .filter(c -> c.criterion().id().equals("outputs_published")).findFirst().orElseThrow();
    assertEquals(1.0, published.score());
    Scorecard unlisted = Scorer.score(rubric, Map.of("outputs_published", "maybe"));
    assertNull(unlisted.overall());
    assertEquals(0.0, unlisted.coverage());
  }
}
