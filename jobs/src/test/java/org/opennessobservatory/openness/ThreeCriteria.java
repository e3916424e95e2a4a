package org.opennessobservatory.openness;

import java.io.StringReader;

/**
 * The small rubric of the hand-computed examples (also the worked example of docs/openness-rubric.md): two
 * principles, three criteria, one of each numeric rule and one criterion reading two indicators. Fault tests break
 * one line of it at a time.
 */
final class ThreeCriteria {
  private ThreeCriteria() {}

  static final String YAML = """
      version: "test.1"
      principles:
        - {id: participation, weight: 0.6}
        - {id: procedural_fairness, weight: 0.4}
      criteria:
        - id: audience_floor
          principle: participation
          label: The audience takes the floor
          rationale: The public had a voice, not only a seat.
          indicators: [audience_turn_share, audience_word_share]
          rule: {type: linear, zero: 0, full: 0.2}
          weight: 0.6
          netmundial_principles: [open_participative_consensus_driven]
          iap2_level: involve
        - id: newcomer_voice
          principle: participation
          label: Newcomers speak
          rationale: Not a closed circle.
          indicators: [newcomer_speaker_share]
          rule: {type: threshold, at_least: 0.2}
          weight: 0.4
          netmundial_principles: [inclusive_equitable, access_and_low_barriers]
          iap2_level: involve
        - id: agenda_lead_time
          principle: procedural_fairness
          label: Agenda public ahead
          rationale: Time to prepare.
          indicators: [agenda_lead_days]
          rule: {type: linear, zero: 0, full: 30}
          weight: 1
          netmundial_principles: [transparent]
          iap2_level: inform
      """;

  static Rubric parse(String yaml) {
    return Rubric.parse(new StringReader(yaml), "rubric.yaml", IndicatorNames.FORUM_YEAR);
  }

  /** The rubric with the first occurrence of {@code from} replaced by {@code to}, which must be there. */
  static Rubric parseWith(String from, String to) {
    if (!YAML.contains(from)) {
      throw new IllegalArgumentException("not in the test rubric: " + from);
    }
    return parse(YAML.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
  }
}
