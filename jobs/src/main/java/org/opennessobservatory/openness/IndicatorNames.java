package org.opennessobservatory.openness;

import java.util.Set;

/**
 * The indicator columns of {@code forum_year_indicators} that a rubric may read: a temporary contract between the
 * {@code indicators} stage and the {@code score} stage until {@code schemas/forum_year_indicators.json} exists. Then
 * this list is to be replaced by that schema's field names, so that the two can never disagree.
 */
public final class IndicatorNames {
  private IndicatorNames() {}

  public static final Set<String> FORUM_YEAR = Set.of(
      "sessions", "transcript_documents", "documents", "documents_freely_available_share",
      "turns", "speakers", "words", "attributed_word_share",
      "word_share_government", "word_share_civil_society", "word_share_private_sector",
      "word_share_technical_community", "word_share_academia", "word_share_intergovernmental", "word_share_other",
      "word_share_unknown",
      "women_speaker_share", "women_word_share", "gender_coverage", "global_south_word_share",
      "gini_words", "hhi_groups", "entropy_groups", "top_speaker_share",
      "chair_word_share", "audience_turn_share", "audience_word_share", "remote_turn_share", "remote_word_share",
      "floor_questions_per_session", "newcomer_speaker_share", "newcomer_word_share",
      "dissent_markers_per_10k_words", "presence_gap_max_group", "presence_gap_women",
      "modalities_lead_days", "agenda_lead_days", "call_for_inputs_lead_days",
      "outputs_published_days_after", "outputs_published",
      "contributions", "contribution_groups");
}
