package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

/**
 * A rubric with a fault is refused before anything is scored, with one line that names the file, the line of the
 * entry, the criterion and what to fix. Criteria of {@link ThreeCriteria} start on lines 6, 15 and 24.
 */
class RubricFaultsTest {
  private static String fault(String from, String to) {
    return assertThrows(UserException.class, () -> ThreeCriteria.parseWith(from, to)).getMessage();
  }

  @Test
  void theTestRubricItselfIsValid() {
    assertEquals(3, ThreeCriteria.parse(ThreeCriteria.YAML).criteria().size());
  }

  @Test
  void unknownIndicatorListsTheKnownOnes() {
    String message = fault("audience_word_share]", "audiance_word_share]");
    assertTrue(message.startsWith("rubric.yaml line 6: criterion 'audience_floor': unknown indicator "
        + "'audiance_word_share' (known: agenda_lead_days, attributed_word_share, audience_turn_share, "), message);
    assertEquals("rubric.yaml line 6: criterion 'audience_floor': an indicator is listed twice in "
            + "[audience_turn_share, audience_turn_share]",
        fault("audience_word_share]", "audience_turn_share]"));
  }

  @Test
  void badRules() {
    assertEquals("rubric.yaml line 15: criterion 'newcomer_voice': unknown rule 'step' (known: categorical, linear, "
        + "threshold)", fault("type: threshold", "type: step"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule linear: needs 'full'",
        fault("zero: 0, full: 30}", "zero: 0}"));
    assertEquals("rubric.yaml line 15: criterion 'newcomer_voice': rule threshold: needs 'at_least' or 'at_most'",
        fault("{type: threshold, at_least: 0.2}", "{type: threshold}"));
    assertEquals("rubric.yaml line 15: criterion 'newcomer_voice': rule threshold: takes 'at_least' or 'at_most', "
        + "not both", fault("at_least: 0.2}", "at_least: 0.2, at_most: 0.5}"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule linear: zero and full are both 30: the "
        + "band is empty", fault("zero: 0, full: 30", "zero: 30, full: 30"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule linear: 'full' must be a number, not "
        + "\"a month\"", fault("full: 30", "full: a month"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule linear: unknown key 'cut' (known: full, "
        + "type, zero)", fault("full: 30", "full: 30, cut: 3"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule categorical: needs 'scores', a mapping of "
        + "value to score such as {true: 1, false: 0}", fault("{type: linear, zero: 0, full: 30}",
        "{type: categorical}"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': rule categorical: 'late' scores 2, not a "
        + "score between 0 and 1", fault("{type: linear, zero: 0, full: 30}",
        "{type: categorical, scores: {early: 1, late: 2}}"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': 'rule' must be a mapping such as "
        + "{type: linear, zero: 0, full: 0.2}", fault("{type: linear, zero: 0, full: 30}", "linear"));
    assertEquals("rubric.yaml line 6: criterion 'audience_floor': unknown combine 'max' (known: mean, min)",
        fault("    rule: {type: linear, zero: 0, full: 0.2}",
            "    combine: max\n    rule: {type: linear, zero: 0, full: 0.2}"));
  }

  @Test
  void weightsThatDoNotAddUp() {
    assertEquals("rubric.yaml: principle weights sum to 0.9, not 1 (participation 0.6, procedural_fairness 0.3)",
        fault("weight: 0.4}", "weight: 0.3}"));
    assertEquals("rubric.yaml: weights of the criteria of principle 'participation' sum to 1.1, not 1 "
        + "(audience_floor 0.6, newcomer_voice 0.5)", fault("weight: 0.4\n", "weight: 0.5\n"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': 'weight' must be above 0 and at most 1, not 0",
        fault("weight: 1\n", "weight: 0\n"));
    assertEquals("rubric.yaml: principle 'diversity' has a weight but no criteria",
        fault("{id: procedural_fairness, weight: 0.4}",
            "{id: procedural_fairness, weight: 0.2}\n  - {id: diversity, weight: 0.2}"));
  }

  @Test
  void duplicateAndUnknownNames() {
    assertEquals("rubric.yaml line 15: criterion 'audience_floor': duplicate id, first used on line 6",
        fault("id: newcomer_voice", "id: audience_floor"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': unknown principle 'fairness' (known: "
            + "participation, accountability_transparency, power_imbalances, procedural_fairness, diversity)",
        fault("principle: procedural_fairness", "principle: fairness"));
    assertEquals("rubric.yaml line 4: principle: unknown principle 'fairness' (known: participation, "
            + "accountability_transparency, power_imbalances, procedural_fairness, diversity)",
        fault("{id: procedural_fairness", "{id: fairness"));
    assertEquals("rubric.yaml line 4: principle 'participation': listed twice",
        fault("{id: procedural_fairness", "{id: participation"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': principle 'diversity' has no weight in "
        + "'principles'", fault("principle: procedural_fairness", "principle: diversity"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': unknown NETmundial principle 'transparency' "
            + "(known: multistakeholder, open_participative_consensus_driven, transparent, accountable, "
            + "inclusive_equitable, distributed, collaborative, enabling_meaningful_participation, "
            + "access_and_low_barriers, agility)",
        fault("[transparent]", "[transparency]"));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': unknown IAP2 level 'delegate' (known: inform, "
        + "consult, involve, collaborate, empower)", fault("iap2_level: inform", "iap2_level: delegate"));
    assertEquals("rubric.yaml line 6: criterion 'audience_floor': unknown key 'wieght' (known: combine, iap2_level, "
            + "id, indicators, label, netmundial_principles, principle, rationale, rule, weight)",
        fault("weight: 0.6\n", "wieght: 0.6\n"));
    assertEquals("rubric.yaml line 6: criterion: id 'Audience-Floor' must be lower-case letters, digits and '_', "
        + "starting with a letter", fault("id: audience_floor", "id: Audience-Floor"));
  }

  @Test
  void missingOrMalformedFields() {
    assertEquals("rubric.yaml line 15: criterion 'newcomer_voice': no 'label'",
        fault("    label: Newcomers speak\n", ""));
    assertEquals("rubric.yaml line 15: criterion 'newcomer_voice': 'rationale' must be one line",
        fault("rationale: Not a closed circle.", "rationale: \"Not a closed\\ncircle.\""));
    assertEquals("rubric.yaml line 24: criterion 'agenda_lead_time': 'indicators' must be a non-empty list such as "
        + "[a, b]", fault("[agenda_lead_days]", "agenda_lead_days"));
    assertEquals("rubric.yaml: 'version' must be a quoted text such as \"2026.1\"",
        fault("version: \"test.1\"", "version: 2026.1"));
    assertEquals("rubric.yaml line 1: unknown key 'versions' (known: criteria, principles, version)",
        fault("version:", "versions:"));
    assertEquals("rubric.yaml: no 'criteria' list", assertThrows(UserException.class, () -> ThreeCriteria.parse(
        ThreeCriteria.YAML.substring(0, ThreeCriteria.YAML.indexOf("criteria:")))).getMessage());
    assertEquals("rubric.yaml line 9: not valid YAML (Duplicate field 'label')",
        fault("    label: The audience takes the floor\n",
            "    label: The audience takes the floor\n    label: again\n"));
  }
}
