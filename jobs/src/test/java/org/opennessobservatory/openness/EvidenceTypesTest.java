package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The documented mapping from indicator to the document types it is computed from. */
class EvidenceTypesTest {
  private static final Set<String> TRANSCRIPT = Set.of("transcript");
  private static final Set<String> PROCEDURAL = Set.of("announcement", "agenda", "programme");
  private static final Set<String> OUTPUTS = Set.of("outcome", "session_report");
  private static final Set<String> ALL = Set.of("*");

  @Test
  void everyIndicatorOfTheContractHasItsDocumentTypes() {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String spoken : List.of("sessions", "transcript_documents", "turns", "speakers", "words",
        "attributed_word_share", "word_share_government", "word_share_civil_society", "word_share_private_sector",
        "word_share_technical_community", "word_share_academia", "word_share_intergovernmental", "word_share_other",
        "word_share_unknown", "women_speaker_share", "women_word_share", "gender_coverage",
        "global_south_word_share", "gini_words", "hhi_groups", "entropy_groups", "top_speaker_share",
        "chair_word_share", "audience_turn_share", "audience_word_share", "remote_turn_share", "remote_word_share",
        "floor_questions_per_session", "newcomer_speaker_share", "newcomer_word_share",
        "dissent_markers_per_10k_words", "presence_gap_max_group", "presence_gap_women")) {
      expected.put(spoken, TRANSCRIPT);
    }
    for (String lead : List.of("modalities_lead_days", "agenda_lead_days", "call_for_inputs_lead_days")) {
      expected.put(lead, PROCEDURAL);
    }
    expected.put("outputs_published", OUTPUTS);
    expected.put("outputs_published_days_after", OUTPUTS);
    expected.put("contributions", Set.of("contribution"));
    expected.put("contribution_groups", Set.of("contribution"));
    expected.put("documents", ALL);
    expected.put("documents_freely_available_share", ALL);
    assertEquals(new TreeSet<>(IndicatorNames.FORUM_YEAR), expected.keySet(),
        "the table covers exactly the indicator contract");
    expected.forEach((indicator, types) -> assertEquals(types, EvidenceTypes.of(indicator), indicator));
  }

  @Test
  void anIndicatorAddedLaterIsTracedToEveryDocument() {
    assertEquals(ALL, EvidenceTypes.of("documents_by_type_agenda"));
    assertEquals(ALL, EvidenceTypes.of("something_new"));
  }

  @Test
  void aCriterionReadsTheUnionOfItsIndicatorsTypes() {
    assertEquals(Set.of("transcript", "outcome", "session_report"),
        EvidenceTypes.of(List.of("gini_words", "outputs_published")));
    assertEquals(ALL, EvidenceTypes.of(List.of("gini_words", "documents_freely_available_share")),
        "every type absorbs the others");
  }

  @Test
  void coversMatchesTypeOrAny() {
    assertTrue(EvidenceTypes.covers(PROCEDURAL, "agenda"));
    assertFalse(EvidenceTypes.covers(PROCEDURAL, "transcript"));
    assertTrue(EvidenceTypes.covers(ALL, "other"));
  }
}
