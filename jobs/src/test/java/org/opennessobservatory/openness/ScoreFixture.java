package org.opennessobservatory.openness;

import java.io.StringReader;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A small panel scored by hand: a four-criterion rubric over three principles, eight forum-years of
 * forum_year_indicators and the documents behind them.
 *
 * <p>Rubric "score.1": participation 0.5 (audience_floor 0.6: mean of audience_turn_share and audience_word_share,
 * linear 0 → 0.2; newcomer_voice 0.4: newcomer_speaker_share threshold ≥ 0.2), procedural_fairness 0.3
 * (agenda_lead_time 1: agenda_lead_days linear 0 → 30), accountability_transparency 0.2 (outputs_published 1:
 * categorical true 1, false 0).
 *
 * <pre>
 * forum-year    turn  word  newc  days  outputs | audience newcomer  partic (cov)   agenda outputs | overall  cov
 * igf 2023      0.10  0.05  0.25  15    true    | 0.375    1         0.625 (1)      0.5    1       | 66.25    1
 * igf 2024      0.20  0.10  0.10  30    true    | 0.75     0         0.45  (1)      1      1       | 72.5     1
 * eurodig 2023  0.04  0.04  -     6     false   | 0.2      -         0.2   (0.6)    0.2    0       | 16       0.8
 * eurodig 2024  -     -     -     -     -       | -        -         -     (0)      -      -       | -        0
 * ukigf 2022    0.10  0.10  0.30  60    true    | 0.5      1         0.7   (1)      1      1       | 85       1
 * ukigf 2024    0.15  0.15  0.00  45    true    | 0.75     0         0.45  (1)      1      1       | 72.5     1
 * youth 2024    0.00  -     -     10    -       | 0         -        0     (0.6)    1/3    -       | 12.5     0.6
 * youth 2025    0.10  0.10  0.20  30    true    | 0.5      1         0.7   (1)      1      1       | 85       1
 * </pre>
 * audience = mean(turn / 0.2, word / 0.2) over the shares given; participation = (0.6·audience + 0.4·newcomer) /
 * (weight assessed); overall = 100 · Σ w_p·score_p / Σ w_p over assessed principles. E.g. igf 2023: participation
 * 0.6·0.375 + 0.4·1 = 0.625; overall 100·(0.5·0.625 + 0.3·0.5 + 0.2·1) = 100·(0.3125 + 0.15 + 0.2) = 66.25.
 * eurodig 2023: participation 0.6·0.2 / 0.6 = 0.2; overall 100·(0.5·0.2 + 0.3·0.2 + 0.2·0) = 16; coverage
 * 0.5·0.6 + 0.3·1 + 0.2·1 = 0.8. youth 2024: overall 100·(0.5·0 + 0.3·(10/30)) / (0.5 + 0.3) = 100·0.1/0.8 = 12.5;
 * coverage 0.5·0.6 + 0.3·1 + 0.2·0 = 0.6. ukigf 2024 reaches igf 2024's 72.5 from other values (audience
 * (0.75 + 0.75) / 2): the two share rank 1 of 2024 and youth is 3rd; ukigf skipped 2023, so its change is
 * 72.5 − 85 = −12.5 since 2022. youth 2025 (85: 100·(0.5·0.7 + 0.3·1 + 0.2·1)) is assessed on all four criteria,
 * youth 2024 on two: its change of 72.5 is not between like and like (change_same_criteria false), where igf's and
 * ukigf's are.
 */
final class ScoreFixture {
  private ScoreFixture() {}

  static final String RUBRIC = """
      version: "score.1"
      principles:
        - {id: participation, weight: 0.5}
        - {id: procedural_fairness, weight: 0.3}
        - {id: accountability_transparency, weight: 0.2}
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
        - id: outputs_published
          principle: accountability_transparency
          label: Outputs published
          rationale: Something to hold the forum to.
          indicators: [outputs_published]
          rule: {type: categorical, scores: {true: 1, false: 0}}
          weight: 1
          netmundial_principles: [transparent, accountable]
          iap2_level: inform
      """;

  static Rubric rubric() {
    return Rubric.parse(new StringReader(RUBRIC), "rubric.yaml", IndicatorNames.FORUM_YEAR);
  }

  static final StructType INDICATORS = new StructType().add("forum", DataTypes.StringType, false)
      .add("year", DataTypes.IntegerType, false).add("sessions", DataTypes.LongType)
      .add("audience_turn_share", DataTypes.DoubleType).add("audience_word_share", DataTypes.DoubleType)
      .add("newcomer_speaker_share", DataTypes.DoubleType).add("agenda_lead_days", DataTypes.LongType)
      .add("outputs_published", DataTypes.BooleanType);

  static Dataset<Row> indicators(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("igf", 2023, 2L, 0.10, 0.05, 0.25, 15L, true),
        RowFactory.create("igf", 2024, 1L, 0.20, 0.10, 0.10, 30L, true),
        RowFactory.create("eurodig", 2023, 1L, 0.04, 0.04, null, 6L, false),
        RowFactory.create("eurodig", 2024, null, null, null, null, null, null),
        RowFactory.create("ukigf", 2022, 3L, 0.10, 0.10, 0.30, 60L, true),
        RowFactory.create("ukigf", 2024, 2L, 0.15, 0.15, 0.00, 45L, true),
        RowFactory.create("youth", 2024, 1L, 0.00, Double.NaN, null, 10L, null),
        RowFactory.create("youth", 2025, 1L, 0.10, 0.10, 0.20, 30L, true)), INDICATORS);
  }

  static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType, false)
      .add("session_id", DataTypes.StringType).add("doc_type", DataTypes.StringType, false)
      .add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType, false);

  /** igf 2023 has every kind of document, eurodig 2023 only a session report, youth 2024 none; apr 2023 no row. */
  static Dataset<Row> documents(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("a1", "igf-23-ws1", "transcript", "igf", 2023),
        RowFactory.create("a2", "igf-23-ws2", "transcript", "igf", 2023),
        RowFactory.create("a3", "igf-23-ws2", "transcript", "igf", 2023),
        RowFactory.create("a4", null, "agenda", "igf", 2023),
        RowFactory.create("a5", null, "programme", "igf", 2023),
        RowFactory.create("a6", null, "outcome", "igf", 2023),
        RowFactory.create("a7", null, "contribution", "igf", 2023),
        RowFactory.create("b1", "igf-24-ws1", "transcript", "igf", 2024),
        RowFactory.create("c1", "eurodig-23-ws1", "session_report", "eurodig", 2023),
        RowFactory.create("d1", null, "announcement", "ukigf", 2022),
        RowFactory.create("z1", "apr-23-ws1", "transcript", "apr", 2023)), DOCUMENTS);
  }
}
