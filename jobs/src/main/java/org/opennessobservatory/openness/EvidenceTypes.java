package org.opennessobservatory.openness;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which kinds of document ({@code documents.doc_type}) a forum-year indicator is computed from: the evidence of a
 * criterion is the documents of the forum-year whose type one of its indicators reads (DESIGN.md §5, every derived
 * row traced to its documents).
 *
 * <table>
 *   <caption>indicator → document types</caption>
 *   <tr><td>what is said in sessions: turns, speakers, words, shares of words and turns by group, gender, region,
 *       role, newcomers, concentration, floor questions, dissent markers, presence gaps, sessions,
 *       transcript_documents</td><td>transcript</td></tr>
 *   <tr><td>modalities_lead_days, agenda_lead_days, call_for_inputs_lead_days</td>
 *       <td>announcement, agenda, programme</td></tr>
 *   <tr><td>outputs_published, outputs_published_days_after</td><td>outcome, session_report</td></tr>
 *   <tr><td>contributions, contribution_groups</td><td>contribution</td></tr>
 *   <tr><td>documents, documents_* (e.g. documents_freely_available_share), and any indicator not named
 *       here</td><td>every document of the forum-year ({@link #ANY})</td></tr>
 * </table>
 * An indicator this table does not know (a column added to {@code forum_year_indicators} later) is traced to every
 * document of its forum-year: a wider trace than needed, never a missing one.
 */
public final class EvidenceTypes {
  private EvidenceTypes() {}

  /** Stands for every document type, including types added later. */
  public static final String ANY = "*";

  private static final Set<String> TRANSCRIPT = Set.of("transcript");
  private static final Set<String> PROCEDURAL = Set.of("announcement", "agenda", "programme");
  private static final Set<String> OUTPUTS = Set.of("outcome", "session_report");
  private static final Set<String> CONTRIBUTIONS = Set.of("contribution");
  private static final Set<String> ALL = Set.of(ANY);

  private static final Set<String> SPOKEN = Set.of("sessions", "transcript_documents", "turns", "speakers", "words",
      "attributed_word_share", "gender_coverage", "global_south_word_share", "gini_words", "hhi_groups",
      "entropy_groups", "top_speaker_share", "chair_word_share", "floor_questions_per_session",
      "dissent_markers_per_10k_words");
  private static final String[] SPOKEN_PREFIXES = {"word_share_", "turn_share_", "women_", "audience_", "remote_",
      "newcomer_", "presence_gap_", "region_", "speaker_"};

  /** The document types {@code indicator} is computed from; {@code {"*"}} ({@link #ANY}) for every type. */
  public static Set<String> of(String indicator) {
    if (SPOKEN.contains(indicator)) {
      return TRANSCRIPT;
    }
    for (String prefix : SPOKEN_PREFIXES) {
      if (indicator.startsWith(prefix)) {
        return TRANSCRIPT;
      }
    }
    if (indicator.endsWith("_lead_days")) {
      return PROCEDURAL;
    }
    if (indicator.startsWith("outputs_")) {
      return OUTPUTS;
    }
    if (indicator.startsWith("contribution")) {
      return CONTRIBUTIONS;
    }
    return ALL;
  }

  /** The union over several indicators (a criterion's), sorted; {@code {"*"}} when any of them reads every type. */
  public static Set<String> of(Collection<String> indicators) {
    Set<String> types = new TreeSet<>();
    for (String indicator : indicators) {
      types.addAll(of(indicator));
    }
    return types.contains(ANY) ? ALL : types;
  }

  /**
   * Whether a document of type {@code docType} is evidence under {@code types} (a result of {@link #of}); a document
   * without a type is evidence only where every type is.
   */
  public static boolean covers(Set<String> types, String docType) {
    return types.contains(ANY) || docType != null && types.contains(docType);
  }
}
