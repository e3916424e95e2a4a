package org.opennessobservatory.indicators;

import static org.opennessobservatory.indicators.IndicatorsFixture.assertColumns;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Every indicator of the fixture (IndicatorsFixture's table) against values worked out by hand. */
class IndicatorsStageTest extends SparkTestBase {

  static Map<String, Object> m(Object... kv) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }

  private IndicatorsStage.Indicators run() {
    return IndicatorsStage.indicators(spark(), IndicatorsFixture.documents(spark()),
        IndicatorsFixture.utterances(spark()), IndicatorsFixture.speakers(spark()), IndicatorsFixture.attendance(),
        IndicatorsFixture.processEvents(), DissentLexicon.standard().version());
  }

  /** Session A: words 100+200+100+50+50 = 500; persons P1 150, P2 200, P3 100 (450 attributed). */
  static final Map<String, Object> SESSION_A = m(
      "forum", "igf", "year", 2023, "session_id", "s1", "doc_id", "dA", "row_level", "session",
      "session_transcripts", 1L,
      "turns", 5L, "speakers", 3L, "unknown_turns", 1L, "words", 500L,
      "attributed_word_share", 450 / 500.0,
      // groups: government 100+50, civil_society 200, private_sector 100, unknown 50 (of 500 words, 5 turns)
      "word_share_government", 0.3, "word_share_civil_society", 0.4, "word_share_private_sector", 0.2,
      "word_share_technical_community", 0.0, "word_share_academia", 0.0, "word_share_intergovernmental", 0.0,
      "word_share_other", 0.0, "word_share_unknown", 0.1,
      "turn_share_government", 0.4, "turn_share_civil_society", 0.2, "turn_share_private_sector", 0.2,
      "turn_share_technical_community", 0.0, "turn_share_academia", 0.0, "turn_share_intergovernmental", 0.0,
      "turn_share_other", 0.0, "turn_share_unknown", 0.2,
      // gender known for all three: women P1, P3 = 2 of 3; words (150 + 100) / 450; coverage 450 / 450
      "women_speaker_share", 2 / 3.0, "women_word_share", 250 / 450.0, "gender_coverage", 1.0,
      // regions: africa 150, weog 200, asia_pacific 100 of 450; South = africa + asia_pacific = 250 / 450
      "region_word_share_africa", 150 / 450.0, "region_word_share_asia_pacific", 100 / 450.0,
      "region_word_share_eastern_europe", 0.0, "region_word_share_grulac", 0.0, "region_word_share_weog",
      200 / 450.0, "global_south_word_share", 250 / 450.0, "region_coverage", 1.0,
      // Gini over sorted [100, 150, 200]: (-2*100 + 0*150 + 2*200) / (3 * 450) = 200 / 1350
      "gini_words", 200 / 1350.0,
      // HHI over known groups 150, 200, 100 of 450: (9 + 16 + 4) / 81
      "hhi_groups", 29 / 81.0,
      // entropy: (1/3 ln 3 + 4/9 ln 9/4 + 2/9 ln 9/2) / ln 7 = (0.366204 + 0.360414 + 0.334239) / 1.945910
      "entropy_groups", 0.5451726266359415,
      "top_speaker_share", 200 / 450.0,
      "chair_word_share", 150 / 500.0, "audience_turn_share", 1 / 5.0, "audience_word_share", 50 / 500.0,
      "remote_turn_share", 0.0, "remote_word_share", 0.0,
      "dissent_lexicon_version", DissentLexicon.standard().version(),
      "floor_questions", 2L, // the audience turn's 2; P2's panelist question is not from the floor
      // newcomer P3 only (first seen igf 2023): 1 of 3 persons, 100 of 450 words
      "newcomer_speaker_share", 1 / 3.0, "newcomer_word_share", 100 / 450.0,
      "dissent_markers", 1L, "dissent_markers_disagreement", 1L, "dissent_markers_objection", 0L,
      "dissent_markers_reservation", 0L, "dissent_markers_per_10k_words", 1 * 10_000 / 500.0);

  /**
   * Session B, its two transcripts pooled: words 80+120+40+60 = 300; persons P4 80, P2 120, P3 60 (260 attributed).
   * No doc_id: the row is no one document.
   */
  static final Map<String, Object> SESSION_B = m(
      "forum", "igf", "year", 2023, "session_id", "s2", "doc_id", null, "row_level", "session",
      "session_transcripts", 2L,
      "turns", 4L, "speakers", 3L, "unknown_turns", 1L, "words", 300L,
      "attributed_word_share", 260 / 300.0,
      // groups: academia 80, civil_society 120 + 40 (the remote turn's label group), private_sector 60
      "word_share_government", 0.0, "word_share_civil_society", 160 / 300.0, "word_share_private_sector",
      60 / 300.0, "word_share_technical_community", 0.0, "word_share_academia", 80 / 300.0,
      "word_share_intergovernmental", 0.0, "word_share_other", 0.0, "word_share_unknown", 0.0,
      "turn_share_government", 0.0, "turn_share_civil_society", 0.5, "turn_share_private_sector", 0.25,
      "turn_share_academia", 0.25, "turn_share_unknown", 0.0,
      // gender known: P2 man 120, P3 woman 60 (P4 unknown): 1 of 2; 60 / 180; coverage 180 / 260
      "women_speaker_share", 0.5, "women_word_share", 60 / 180.0, "gender_coverage", 180 / 260.0,
      // regions known: weog 120, asia_pacific 60 (P4 unknown)
      "region_word_share_africa", 0.0, "region_word_share_asia_pacific", 60 / 180.0, "region_word_share_weog",
      120 / 180.0, "global_south_word_share", 60 / 180.0, "region_coverage", 180 / 260.0,
      // Gini over sorted [60, 80, 120]: (-2*60 + 2*120) / (3 * 260) = 120 / 780
      "gini_words", 120 / 780.0,
      // HHI over 80, 160, 60 of 300: (16 + 64 + 9) / 225
      "hhi_groups", 89 / 225.0,
      // entropy: (4/15 ln 15/4 + 8/15 ln 15/8 + 1/5 ln 5) / ln 7 = (0.352468 + 0.335259 + 0.321888) / 1.945910
      "entropy_groups", 0.5188388367593326,
      "top_speaker_share", 120 / 260.0,
      "chair_word_share", 80 / 300.0, "audience_turn_share", 0.25, "audience_word_share", 60 / 300.0,
      "remote_turn_share", 0.25, "remote_word_share", 40 / 300.0,
      "floor_questions", 2L, // remote 1 + audience (P3) 1
      "newcomer_speaker_share", 1 / 3.0, "newcomer_word_share", 60 / 260.0,
      // P2's "We object to the draft; we have concerns.": one objection, one reservation
      "dissent_markers", 2L, "dissent_markers_disagreement", 0L, "dissent_markers_objection", 1L,
      "dissent_markers_reservation", 1L, "dissent_markers_per_10k_words", 2 * 10_000 / 300.0);

  /** Session B's first transcript dB1 alone: P4 moderator academia 80, P2 panelist civil_society 120; 200 words. */
  static final Map<String, Object> TRANSCRIPT_B1 = m(
      "forum", "igf", "year", 2023, "session_id", "s2", "doc_id", "dB1", "row_level", "transcript",
      "session_transcripts", 2L, "turns", 2L, "speakers", 2L, "unknown_turns", 0L, "words", 200L,
      "attributed_word_share", 1.0,
      "word_share_academia", 80 / 200.0, "word_share_civil_society", 120 / 200.0, "word_share_unknown", 0.0,
      "turn_share_academia", 0.5, "turn_share_civil_society", 0.5,
      // gender known for P2 (man) only: 0 of 1 women, 0 of 120 words; coverage 120 / 200. Same for regions (weog).
      "women_speaker_share", 0.0, "women_word_share", 0.0, "gender_coverage", 120 / 200.0,
      "region_word_share_weog", 1.0, "global_south_word_share", 0.0, "region_coverage", 120 / 200.0,
      // Gini over sorted [80, 120]: (-1*80 + 1*120) / (2 * 200) = 40 / 400
      "gini_words", 40 / 400.0,
      // HHI 0.4^2 + 0.6^2; entropy (0.4 ln 2.5 + 0.6 ln 5/3) / ln 7 = (0.366516 + 0.306495) / 1.945910
      "hhi_groups", 0.52, "entropy_groups", 0.3458595800715596,
      "top_speaker_share", 120 / 200.0, "chair_word_share", 80 / 200.0, "audience_turn_share", 0.0,
      "remote_turn_share", 0.0, "floor_questions", 0L,
      // P4 (first seen eurodig 2022) and P2 (igf 2022) are no newcomers at igf 2023
      "newcomer_speaker_share", 0.0, "newcomer_word_share", 0.0,
      "dissent_markers", 2L, "dissent_markers_disagreement", 0L, "dissent_markers_objection", 1L,
      "dissent_markers_reservation", 1L,
      "dissent_markers_per_10k_words", 2 * 10_000 / 200.0);

  /** Session B's second transcript dB2 alone: an unnamed remote turn of 40 words, P3 in the audience with 60. */
  static final Map<String, Object> TRANSCRIPT_B2 = m(
      "forum", "igf", "year", 2023, "session_id", "s2", "doc_id", "dB2", "row_level", "transcript",
      "session_transcripts", 2L, "turns", 2L, "speakers", 1L, "unknown_turns", 1L, "words", 100L,
      "attributed_word_share", 60 / 100.0,
      "word_share_civil_society", 40 / 100.0, "word_share_private_sector", 60 / 100.0, "word_share_academia", 0.0,
      "turn_share_civil_society", 0.5, "turn_share_private_sector", 0.5,
      // P3 alone: a woman of asia_pacific, a newcomer
      "women_speaker_share", 1.0, "women_word_share", 1.0, "gender_coverage", 1.0,
      "region_word_share_asia_pacific", 1.0, "global_south_word_share", 1.0, "region_coverage", 1.0,
      "gini_words", 0.0, // one speaker
      // groups 40 and 60 of 100 (the remote turn's group counts): as dB1
      "hhi_groups", 0.52, "entropy_groups", 0.3458595800715596,
      "top_speaker_share", 1.0, "chair_word_share", 0.0, "audience_turn_share", 0.5, "audience_word_share",
      60 / 100.0, "remote_turn_share", 0.5, "remote_word_share", 40 / 100.0, "floor_questions", 2L,
      "newcomer_speaker_share", 1.0, "newcomer_word_share", 1.0,
      "dissent_markers", 0L, "dissent_markers_per_10k_words", 0.0);

  /** igf 2023 pooled: 800 words, 9 turns; persons P1 150, P2 320, P3 160, P4 80 (710 attributed). */
  static final Map<String, Object> IGF_2023 = m(
      // sessions A and B: B's two transcripts are one session
      "forum", "igf", "year", 2023, "sessions", 2L, "transcript_documents", 3L, "documents", 7L,
      "documents_outcome", 1L, "documents_agenda", 0L, "documents_other", 0L, "documents_announcement", 0L,
      "documents_programme", 0L, "documents_session_report", 0L,
      "documents_freely_available_share", 4 / 7.0, // dA, c1, c2, o1 have a URL
      "contributions", 3L, "contribution_groups", 2L, "contributions_civil_society", 2L,
      "contributions_government", 1L, "contributions_unknown", 0L, "contributions_private_sector", 0L,
      "contributions_technical_community", 0L, "contributions_academia", 0L, "contributions_intergovernmental", 0L,
      "contributions_other", 0L,
      "turns", 9L, "speakers", 4L, "unknown_turns", 2L, "words", 800L, "attributed_word_share", 710 / 800.0,
      // government 150, civil_society 200 + 160 = 360, private_sector 100 + 60, academia 80, unknown 50
      "word_share_government", 150 / 800.0, "word_share_civil_society", 360 / 800.0,
      "word_share_private_sector", 160 / 800.0, "word_share_academia", 80 / 800.0, "word_share_unknown",
      50 / 800.0, "word_share_technical_community", 0.0, "word_share_intergovernmental", 0.0, "word_share_other", 0.0,
      "turn_share_government", 2 / 9.0, "turn_share_civil_society", 3 / 9.0, "turn_share_private_sector", 2 / 9.0,
      "turn_share_academia", 1 / 9.0, "turn_share_unknown", 1 / 9.0, "turn_share_technical_community", 0.0,
      "turn_share_intergovernmental", 0.0, "turn_share_other", 0.0,
      // persons, not sessions: P1 w 150, P2 m 320, P3 w 160 known; P4 unknown
      "women_speaker_share", 2 / 3.0, "women_word_share", 310 / 630.0, "gender_coverage", 630 / 710.0,
      "region_word_share_africa", 150 / 630.0, "region_word_share_asia_pacific", 160 / 630.0,
      "region_word_share_weog", 320 / 630.0, "region_word_share_eastern_europe", 0.0, "region_word_share_grulac", 0.0,
      "global_south_word_share", 310 / 630.0, "region_coverage", 630 / 710.0,
      // Gini over sorted [80, 150, 160, 320], n = 4: (-3*80 - 150 + 160 + 3*320) / (4 * 710) = 730 / 2840
      "gini_words", 730 / 2840.0,
      // HHI over 150, 360, 160, 80 of 750: (22500 + 129600 + 25600 + 6400) / 562500
      "hhi_groups", 184_100 / 562_500.0,
      // entropy: (0.2 ln 5 + 0.48 ln(1/0.48) + 0.213333 ln(1/0.213333) + 0.106667 ln(1/0.106667)) / ln 7
      "entropy_groups", 0.638516784345429,
      "top_speaker_share", 320 / 710.0,
      "chair_word_share", (150 + 80) / 800.0, "audience_turn_share", 2 / 9.0, "audience_word_share", 110 / 800.0,
      "remote_turn_share", 1 / 9.0, "remote_word_share", 40 / 800.0,
      "floor_questions", 4L, "floor_questions_per_session", 2.0,
      "newcomer_speaker_share", 1 / 4.0, "newcomer_word_share", 160 / 710.0,
      "dissent_lexicon_version", DissentLexicon.standard().version(), "dissent_markers", 3L, "dissent_markers_disagreement", 1L, "dissent_markers_objection", 1L,
      "dissent_markers_reservation", 1L, "dissent_markers_per_10k_words", 3 * 10_000 / 800.0,
      // means over the two session rows; B's transcript rows, were they counted too, would move every one of them
      "session_mean_attributed_word_share", (0.9 + 260 / 300.0) / 2,
      "session_mean_women_word_share", (250 / 450.0 + 60 / 180.0) / 2,
      "session_mean_gini_words", (200 / 1350.0 + 120 / 780.0) / 2,
      "session_mean_entropy_groups", (0.5451726266359415 + 0.5188388367593326) / 2,
      "session_mean_top_speaker_share", (200 / 450.0 + 120 / 260.0) / 2,
      // registrants (preferred over onsite); their shares sum to 1.00
      "presence_population", "registrants", "presence_share_government", 0.25, "presence_share_civil_society", 0.30,
      "presence_share_private_sector", 0.20, "presence_share_technical_community", 0.10,
      "presence_share_academia", 0.10, "presence_share_intergovernmental", 0.04, "presence_share_other", 0.01,
      // speaking among the 750 words of known group: government 150/750 = 0.2, civil_society 0.48 …
      "speaking_minus_presence_government", 150 / 750.0 - 0.25,
      "speaking_minus_presence_civil_society", 360 / 750.0 - 0.30,
      "speaking_minus_presence_private_sector", 160 / 750.0 - 0.20,
      "speaking_minus_presence_technical_community", -0.10,
      "speaking_minus_presence_academia", 80 / 750.0 - 0.10,
      "speaking_minus_presence_intergovernmental", -0.04, "speaking_minus_presence_other", -0.01,
      "presence_gap_max_group", 0.18, // civil society: 0.48 - 0.30
      "women_presence_population", "registrants", "women_presence_share", 0.40,
      "presence_gap_women", 310 / 630.0 - 0.40,
      "event_start", Date.valueOf("2023-10-08"), "event_end", Date.valueOf("2023-10-12"),
      // 9 May to 8 Oct: 22 + 30 + 31 + 31 + 30 + 8 = 152; 28 Jun to 8 Oct: 2 + 31 + 31 + 30 + 8 = 102
      "modalities_lead_days", 152, "agenda_lead_days", 102, "call_for_inputs_lead_days", null,
      "outputs_published_days_after", 21, "outputs_published", true); // 12 Oct to 2 Nov

  /**
   * eurodig 2022: one agenda without URL, no transcript, no contribution, no registry rows: facts are 0, measures
   * null (how many groups wrote is not 0 where nobody's writing is in the corpus).
   */
  static final Map<String, Object> EURODIG_2022 = m(
      "forum", "eurodig", "year", 2022, "sessions", 0L, "transcript_documents", 0L, "documents", 1L,
      "documents_agenda", 1L, "documents_freely_available_share", 0.0, "contributions", 0L,
      "contribution_groups", null, "turns", null, "speakers", null, "words", null, "attributed_word_share", null,
      "word_share_government", null, "gini_words", null, "floor_questions_per_session", null,
      "session_mean_gini_words", null, "presence_population", null, "presence_share_government", null,
      "presence_gap_max_group", null, "presence_gap_women", null, "event_start", null,
      "modalities_lead_days", null, "outputs_published", null, "outputs_published_days_after", null);

  /**
   * igf 2022, igf's first year in the corpus: P1 and P2 speak 50 words each; both were first seen there, yet nobody
   * could have been seen at igf before, so the newcomer shares are null, not 1 (and igf 2023's are measured). Its
   * one contribution has no known author group: counted, but no evidence of how many groups wrote. Its presence
   * figures (participants, counts of 1,000) publish no civil_society, merge technical_community and academia, add
   * media and 250 who declared no group: presence is over the 750 declared, media counted as other; speaking is
   * over the words of the groups the breakdown covers (all but civil_society: P1's 50 government words of 50).
   */
  static final Map<String, Object> SESSION_0 = m("forum", "igf", "year", 2022, "session_id", "s0", "turns", 2L,
      "speakers", 2L, "words", 100L, "word_share_government", 0.5, "word_share_civil_society", 0.5,
      "newcomer_speaker_share", null, "newcomer_word_share", null);
  static final Map<String, Object> IGF_2022 = m("forum", "igf", "year", 2022, "sessions", 1L,
      "transcript_documents", 1L, "documents", 2L, "contributions", 1L, "contributions_unknown", 1L,
      "contribution_groups", null, "turns", 2L, "speakers", 2L, "words", 100L, "newcomer_speaker_share", null,
      "newcomer_word_share", null, "presence_population", "participants",
      "presence_share_government", 300 / 750.0, "presence_share_civil_society", null,
      "presence_share_private_sector", 200 / 750.0, "presence_share_technical_community", null,
      "presence_share_academia", null, "presence_share_intergovernmental", 100 / 750.0,
      "presence_share_other", 50 / 750.0,
      "speaking_minus_presence_government", 1 - 300 / 750.0, "speaking_minus_presence_civil_society", null,
      "speaking_minus_presence_private_sector", -200 / 750.0, "speaking_minus_presence_technical_community", null,
      "speaking_minus_presence_academia", null, "speaking_minus_presence_intergovernmental", -100 / 750.0,
      "speaking_minus_presence_other", -50 / 750.0, "presence_gap_max_group", 0.6,
      // women: P1's 50 of the 100 words of known gender; 400 of the 750 whose gender is declared
      "women_word_share", 0.5, "women_presence_population", "participants", "women_presence_share", 400 / 750.0,
      "presence_gap_women", 400 / 750.0 - 0.5, "event_start", null);

  @Test
  void everyIndicatorOfTheFixture() {
    IndicatorsStage.Indicators out = run();
    List<Row> sessions = out.sessions().orderBy("session_id", "row_level", "doc_id").collectAsList();
    Assertions.assertEquals(5, sessions.size(), "a row per session, and per transcript of session B");
    assertColumns(SESSION_0, sessions.get(0), "session 0 of igf 2022");
    assertColumns(SESSION_A, sessions.get(1), "session A");
    assertColumns(SESSION_B, sessions.get(2), "session B");
    assertColumns(TRANSCRIPT_B1, sessions.get(3), "session B, transcript dB1");
    assertColumns(TRANSCRIPT_B2, sessions.get(4), "session B, transcript dB2");

    List<Row> panel = out.forumYears().orderBy("forum", "year").collectAsList();
    Assertions.assertEquals(3, panel.size());
    assertColumns(EURODIG_2022, panel.get(0), "eurodig 2022");
    assertColumns(IGF_2022, panel.get(1), "igf 2022");
    assertColumns(IGF_2023, panel.get(2), "igf 2023");
    // Session A's transcript has no session_type; session B's dB1 is a main_session, dB2 says nothing, and B counts
    // once: 1 + 1 = the 2 sessions. eurodig 2022 has no transcript turn, so no session of any type.
    Assertions.assertEquals(Map.of("unknown", 1L, "main_session", 1L), sessionsByType(panel.get(2)), "igf 2023");
    Assertions.assertEquals(Map.of(), sessionsByType(panel.get(0)), "eurodig 2022");
  }

  private static Map<String, Long> sessionsByType(Row row) {
    return row.getJavaMap(row.fieldIndex("sessions_by_type"));
  }

  @Test
  void outputsHaveTheSchemaFilesColumns() {
    IndicatorsStage.Indicators out = run();
    Assertions.assertEquals(List.of(Schemas.load(IndicatorsStage.SESSIONS).fieldNames()),
        List.of(out.sessions().columns()));
    Assertions.assertEquals(List.of(Schemas.load(IndicatorsStage.FORUM_YEARS).fieldNames()),
        List.of(out.forumYears().columns()));
  }

  /** The maps above check every column of both schemas, so that a column added later needs a hand-computed value. */
  @Test
  void theFixturesMapsCheckEveryColumn() {
    for (var dataset : Map.of(IndicatorsStage.SESSIONS, List.of(SESSION_0, SESSION_A, SESSION_B, TRANSCRIPT_B1,
        TRANSCRIPT_B2), IndicatorsStage.FORUM_YEARS, List.of(EURODIG_2022, IGF_2022, IGF_2023)).entrySet()) {
      Set<String> unchecked = new TreeSet<>(List.of(Schemas.load(dataset.getKey()).fieldNames()));
      dataset.getValue().forEach(expected -> unchecked.removeAll(expected.keySet()));
      unchecked.remove("sessions_by_type"); // a map: everyIndicatorOfTheFixture compares it whole
      Assertions.assertEquals(Set.of(), unchecked, dataset.getKey() + ": columns no map of the fixture checks");
    }
  }

  @Test
  void theRubricsIndicatorsAreForumYearColumns() {
    List<String> columns = List.of(Schemas.load(IndicatorsStage.FORUM_YEARS).fieldNames());
    for (String name : org.opennessobservatory.openness.IndicatorNames.FORUM_YEAR) {
      Assertions.assertTrue(columns.contains(name), "forum_year_indicators lacks " + name);
    }
  }
}
