package org.opennessobservatory.report;

import java.util.List;
import java.util.Map;

/**
 * What the report shows, as plain values read from a run's datasets: small by construction (rows per forum-year,
 * recommendation-year or outcome-group), so the page and its charts are built without Spark.
 */
public record ReportInputs(
    Map<String, Source> sources,
    List<IndexRow> index,
    List<ForumYearRow> forumYears,
    List<StatusCell> statuses,
    List<InfluenceRow> influence,
    List<CriterionRow> criteria,
    Map<String, Object> run) {

  /** A dataset the report charts: whether the run wrote it and how many rows it holds. */
  public record Source(String dataset, boolean present, long rows) {}

  /** One openness_index row: overall 0-100 and the principle scores 0-1 (null where not assessed). */
  public record IndexRow(String forum, int year, Double overall, double coverage, Map<String, Double> principles) {}

  /**
   * The forum_year_indicators columns the report charts (year null for documents that gave none): word shares by stakeholder group (null without turns),
   * women's shares of the words, of the speakers and of those present, the Gini of words.
   */
  public record ForumYearRow(String forum, Integer year, Map<String, Double> groupWordShares, Double womenWordShare,
      Double womenSpeakerShare, Double genderCoverage, Double womenPresenceShare, String womenPresencePopulation,
      Double giniWords, Long speakers) {}

  /** One recommendation_status row, with the title of its strongest evidence document (null when none). */
  public record StatusCell(String recommendationId, String topic, int year, String status, String rule, String source,
      String evidenceDocId, String evidenceTitle) {}

  /** One influence_by_group row with the outcome's title. */
  public record InfluenceRow(String outcomeDocId, String outcomeTitle, String forum, Integer year,
      String stakeholderGroup, double share, double normalisedShare, long passages) {}

  /**
   * One openness_criteria row; evidence lists at most {@link ReportReader#EVIDENCE_LISTED} documents, and
   * evidenceDocuments says how many there are in all.
   */
  public record CriterionRow(String forum, Integer year, String criterionId, String principle, String label, Double score,
      double weight, List<Evidence> evidence, int evidenceDocuments) {}

  /** A document given as evidence: its id and title. */
  public record Evidence(String docId, String title) {}
}
