package org.opennessobservatory.openness;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.schema.SchemaConformance;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage score on the hand-computed panel of {@link ScoreFixture}. */
class ScoreStageTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  /** Scored once for the class: the tests only read the (small) results. */
  private static ScoreStage.Scores scores;
  private static List<Row> criterionRows;
  private static List<Row> indexRows;

  @BeforeEach
  void score() {
    if (scores == null) {
      scores = ScoreStage.score(spark(), ScoreFixture.indicators(spark()), ScoreFixture.documents(spark()),
          ScoreFixture.rubric());
      criterionRows = scores.criteria().collectAsList();
      indexRows = scores.index().collectAsList();
    }
  }

  /** criterion id → row, for one forum-year. */
  private static Map<String, Row> criteria(String forum, int year) {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : criterionRows) {
      if (forum.equals(r.getAs("forum")) && year == r.<Integer>getAs("year")) {
        rows.put(r.getAs("criterion_id"), r);
      }
    }
    return rows;
  }

  /** forum-year ("igf 2023") → index row. */
  private static Map<String, Row> index() {
    Map<String, Row> rows = new HashMap<>();
    for (Row r : indexRows) {
      rows.put(r.getAs("forum") + " " + r.getAs("year"), r);
    }
    return rows;
  }

  private static List<Object> values(Row criterion) {
    List<Object> values = new ArrayList<>();
    for (Row v : criterion.<Row>getList(criterion.fieldIndex("values"))) {
      values.add(v.getString(0));
      values.add(v.isNullAt(1) ? null : v.getDouble(1));
    }
    return values;
  }

  private static void assertClose(double expected, Object actual, String what) {
    Assertions.assertTrue(actual instanceof Double d && Math.abs(d - expected) < EPS,
        what + ": expected " + expected + ", was " + actual);
  }

  @Test
  void oneRowPerCriterionAndForumYearWithValuesAndScores() {
    Assertions.assertEquals(8 * 4, criterionRows.size(), "8 forum-years × 4 criteria; apr (documents only) has none");
    Map<String, Row> igf = criteria("igf", 2023);
    Row audience = igf.get("audience_floor");
    Assertions.assertEquals(List.of("audience_turn_share", 0.10, "audience_word_share", 0.05), values(audience));
    assertClose(0.375, audience.getAs("score"), "mean(0.10 / 0.2, 0.05 / 0.2) = mean(0.5, 0.25)");
    assertClose(1.0, igf.get("newcomer_voice").getAs("score"), "0.25 ≥ 0.2");
    assertClose(0.5, igf.get("agenda_lead_time").getAs("score"), "15 / 30");
    Assertions.assertEquals(List.of("agenda_lead_days", 15.0), values(igf.get("agenda_lead_time")),
        "a long, as a double");
    Assertions.assertEquals(List.of("outputs_published", 1.0), values(igf.get("outputs_published")), "true as 1");
    assertClose(1.0, igf.get("outputs_published").getAs("score"), "categorical true: 1");
    Assertions.assertEquals(List.of("participation", "The audience takes the floor", 0.6, "involve", "score.1"),
        List.of(audience.getAs("principle"), audience.getAs("label"), audience.getAs("weight"),
            audience.getAs("iap2_level"), audience.getAs("rubric_version")));
    Assertions.assertEquals(List.of("audience_turn_share", "audience_word_share"), audience.getList(audience.fieldIndex(
        "indicators")));
    Row newcomer = igf.get("newcomer_voice");
    Assertions.assertEquals(List.of("inclusive_equitable", "access_and_low_barriers"),
        newcomer.getList(newcomer.fieldIndex("netmundial_principles")));
  }

  /** Documents whose year neither the manifest nor the path gives have no place on a time line: not scored. */
  @Test
  void aForumYearWithoutAYearIsNotScoredAndStopsNothing() {
    Dataset<Row> indicators = ScoreFixture.indicators(spark());
    Dataset<Row> withoutYear = indicators.limit(1)
        .withColumn("year", functions.lit(null).cast(indicators.schema().apply("year").dataType()));
    ScoreStage.Scores s = ScoreStage.score(spark(), indicators.unionByName(withoutYear),
        ScoreFixture.documents(spark()), ScoreFixture.rubric());
    Assertions.assertEquals(criterionRows.size(), s.criteria().collectAsList().size());
    Assertions.assertEquals(indexRows.size(), s.index().collectAsList().size());
  }

  @Test
  void missingEvidenceIsNotAssessedNeverZero() {
    Map<String, Row> eurodig = criteria("eurodig", 2023);
    Row outputs = eurodig.get("outputs_published");
    Assertions.assertEquals(List.of("outputs_published", 0.0), values(outputs), "false as 0");
    Assertions.assertEquals(0.0, (Double) outputs.getAs("score"), "false is evidence: scored 0");
    Assertions.assertTrue(outputs.<Boolean>getAs("assessed"));
    Row newcomer = eurodig.get("newcomer_voice");
    Assertions.assertEquals(java.util.Arrays.asList("newcomer_speaker_share", null), values(newcomer));
    Assertions.assertNull(newcomer.getAs("score"), "no value: not assessed");
    Assertions.assertFalse(newcomer.<Boolean>getAs("assessed"));
    Map<String, Row> none = criteria("eurodig", 2024);
    Assertions.assertEquals(4, none.size(), "a forum-year without any value has its rows");
    Assertions.assertTrue(none.values().stream().noneMatch(r -> r.<Boolean>getAs("assessed")), "none assessed");

    Row youthAudience = criteria("youth", 2024).get("audience_floor");
    Assertions.assertEquals(java.util.Arrays.asList("audience_turn_share", 0.0, "audience_word_share", null),
        values(youthAudience), "NaN is no evidence");
    assertClose(0.0, youthAudience.getAs("score"), "only the turn share was scored: 0 / 0.2");
  }

  @Test
  void evidenceIsTheDocumentsTheIndicatorsAreComputedFrom() {
    Map<String, Row> igf = criteria("igf", 2023);
    Assertions.assertEquals(List.of(List.of("a1", "a2", "a3"), List.of("igf-23-ws1", "igf-23-ws2")),
        evidence(igf.get("audience_floor")), "transcripts");
    Assertions.assertEquals(evidence(igf.get("audience_floor")), evidence(igf.get("newcomer_voice")));
    Assertions.assertEquals(List.of(List.of("a4", "a5"), List.of()), evidence(igf.get("agenda_lead_time")),
        "agenda and programme; no session ids");
    Assertions.assertEquals(List.of(List.of("a6"), List.of()), evidence(igf.get("outputs_published")), "the outcome");
    Assertions.assertEquals(List.of(List.of("c1"), List.of("eurodig-23-ws1")),
        evidence(criteria("eurodig", 2023).get("outputs_published")), "a session report");
    Assertions.assertEquals(List.of(List.of(), List.of()), evidence(criteria("eurodig", 2023).get("audience_floor")),
        "no transcript: empty, not null");
    Assertions.assertEquals(List.of(List.of(), List.of()), evidence(criteria("youth", 2024).get("agenda_lead_time")),
        "no documents at all");
    Assertions.assertEquals(List.of(List.of("d1"), List.of()),
        evidence(criteria("ukigf", 2022).get("agenda_lead_time")),
        "an announcement");
  }

  private static List<List<String>> evidence(Row criterion) {
    return List.of(criterion.getList(criterion.fieldIndex("evidence_doc_ids")),
        criterion.getList(criterion.fieldIndex("evidence_session_ids")));
  }

  @Test
  void indexScoresCoverageAndOverall() {
    Map<String, Row> index = index();
    Assertions.assertEquals(8, index.size());
    Row igf = index.get("igf 2023");
    assertClose(0.625, igf.getAs("participation"), "0.6·0.375 + 0.4·1");
    assertClose(1.0, igf.getAs("participation_coverage"), "both criteria");
    assertClose(0.5, igf.getAs("procedural_fairness"), "15 / 30");
    assertClose(1.0, igf.getAs("accountability_transparency"), "published");
    assertClose(66.25, igf.getAs("overall"), "100·(0.5·0.625 + 0.3·0.5 + 0.2·1)");
    assertClose(1.0, igf.getAs("coverage"), "all weight assessed");
    Assertions.assertNull(igf.getAs("power_imbalances"), "not in the rubric");
    Assertions.assertNull(igf.getAs("power_imbalances_coverage"), "not in the rubric: no coverage either");
    Assertions.assertNull(igf.getAs("diversity"));

    Row eurodig = index.get("eurodig 2023");
    assertClose(0.2, eurodig.getAs("participation"), "0.6·0.2 / 0.6: renormalised over the assessed weight");
    assertClose(0.6, eurodig.getAs("participation_coverage"), "newcomer_voice not assessed");
    assertClose(0.0, eurodig.getAs("accountability_transparency"), "outputs not published");
    assertClose(16.0, eurodig.getAs("overall"), "100·(0.5·0.2 + 0.3·0.2 + 0.2·0)");
    assertClose(0.8, eurodig.getAs("coverage"), "0.5·0.6 + 0.3·1 + 0.2·1");

    Row none = index.get("eurodig 2024");
    Assertions.assertNull(none.getAs("overall"), "nothing assessed: no overall");
    Assertions.assertNull(none.getAs("participation"));
    assertClose(0.0, none.getAs("participation_coverage"), "coverage 0, not null");
    assertClose(0.0, none.getAs("coverage"), "coverage 0, not null");

    Row youth = index.get("youth 2024");
    assertClose(12.5, youth.getAs("overall"), "100·(0.5·0 + 0.3·(10/30)) / (0.5 + 0.3)");
    assertClose(0.6, youth.getAs("coverage"), "0.5·0.6 + 0.3·1 + 0.2·0");
    Assertions.assertNull(youth.getAs("accountability_transparency"));
    assertClose(0.0, youth.getAs("accountability_transparency_coverage"), "weighed, not assessed");
    assertClose(85.0, index.get("ukigf 2022").getAs("overall"), "100·(0.5·0.7 + 0.3·1 + 0.2·1)");
    Assertions.assertEquals("score.1", igf.getAs("rubric_version"));
  }

  @Test
  void rankWithinTheYearSharesTies() {
    Map<String, Row> index = index();
    Map<String, Object> ranks = new HashMap<>();
    index.forEach((key, row) -> ranks.put(key, row.getAs("rank")));
    Map<String, Object> expected = new HashMap<>();
    expected.put("igf 2023", 1);        // 66.25
    expected.put("eurodig 2023", 2);    // 16
    expected.put("ukigf 2022", 1);      // 85, alone in its year
    expected.put("igf 2024", 1);        // 72.5
    expected.put("ukigf 2024", 1);      // 72.5 from other values: a tie shares the rank
    expected.put("youth 2024", 3);      // 12.5: the rank after a tie of two is 3 (competition ranking)
    expected.put("eurodig 2024", null); // no overall: not ranked
    expected.put("youth 2025", 1);      // 85, alone in its year
    Assertions.assertEquals(expected, ranks);
  }

  @Test
  void changeSinceTheForumsPreviousYearWithAnOverall() {
    Map<String, Row> index = index();
    assertClose(6.25, index.get("igf 2024").getAs("change"), "72.5 − 66.25");
    Assertions.assertEquals(2023, (Integer) index.get("igf 2024").getAs("previous_year"));
    assertClose(-12.5, index.get("ukigf 2024").getAs("change"), "72.5 − 85: 2023 is missing, compared to 2022");
    Assertions.assertEquals(2022, (Integer) index.get("ukigf 2024").getAs("previous_year"));
    for (String first : List.of("igf 2023", "eurodig 2023", "ukigf 2022", "youth 2024")) {
      Assertions.assertNull(index.get(first).getAs("change"), first + " is the forum's first year");
      Assertions.assertNull(index.get(first).getAs("previous_year"), first);
    }
    Assertions.assertNull(index.get("eurodig 2024").getAs("change"), "no overall: no change");
    Assertions.assertEquals(2023, (Integer) index.get("eurodig 2024").getAs("previous_year"),
        "the previous year with an overall is still named");
  }

  /** A change between years assessed on other criteria says so: the overall is renormalised over other weights. */
  @Test
  void changeSaysWhetherBothYearsWereAssessedOnTheSameCriteria() {
    Map<String, Row> index = index();
    assertClose(72.5, index.get("youth 2025").getAs("change"), "85 − 12.5");
    Map<String, Object> same = new HashMap<>();
    index.forEach((key, row) -> same.put(key, row.getAs("change_same_criteria")));
    Map<String, Object> expected = new HashMap<>();
    expected.put("igf 2024", true);       // all four criteria in 2023 and 2024
    expected.put("ukigf 2024", true);     // all four in 2022 and 2024
    expected.put("youth 2025", false);    // four against audience_floor and agenda_lead_time in 2024
    for (String noChange : List.of("igf 2023", "eurodig 2023", "eurodig 2024", "ukigf 2022", "youth 2024")) {
      expected.put(noChange, null);       // a first year, or no overall: no change to qualify
    }
    Assertions.assertEquals(expected, same);
  }

  @Test
  void bothOutputsConformToTheirSchemas() {
    for (Map.Entry<String, Dataset<Row>> e : Map.of(ScoreStage.CRITERIA, scores.criteria(), ScoreStage.INDEX,
        scores.index()).entrySet()) {
      Assertions.assertEquals(List.of(Schemas.load(e.getKey()).fieldNames()), List.of(e.getValue().columns()),
          e.getKey());
      Dataset<Row> conformed = SchemaConformance.conform(e.getValue(), Schemas.load(e.getKey()), e.getKey());
      Assertions.assertFalse(conformed.collectAsList().isEmpty(), e.getKey()); // every column: the null guards run
    }
  }

  @Test
  void indicatorsTheRubricCannotReadFailBeforeScoring() {
    Dataset<Row> lacking = ScoreFixture.indicators(spark()).drop("agenda_lead_days");
    UserException missing = assertThrows(UserException.class, () -> ScoreStage.score(spark(), lacking,
        ScoreFixture.documents(spark()), ScoreFixture.rubric()));
    Assertions.assertEquals("rubric score.1: criterion 'agenda_lead_time' reads 'agenda_lead_days', which "
        + "forum_year_indicators lacks (re-run stage indicators, or change the rubric)", missing.getMessage());
    Dataset<Row> text = ScoreFixture.indicators(spark())
        .withColumn("agenda_lead_days", org.apache.spark.sql.functions.lit("two weeks"));
    Assertions.assertEquals("rubric score.1: criterion 'agenda_lead_time' reads 'agenda_lead_days', a string column; "
        + "indicators are numbers or booleans", assertThrows(UserException.class, () -> ScoreStage.score(spark(),
        text, ScoreFixture.documents(spark()), ScoreFixture.rubric())).getMessage());
    Dataset<Row> flag = ScoreFixture.indicators(spark())
        .withColumn("agenda_lead_days", org.apache.spark.sql.functions.lit(true).cast(DataTypes.BooleanType));
    Assertions.assertEquals("rubric score.1: criterion 'agenda_lead_time' reads 'agenda_lead_days', a boolean, "
        + "which its linear rule cannot score (use categorical, e.g. {true: 1, false: 0})",
        assertThrows(UserException.class, () -> ScoreStage.score(spark(), flag, ScoreFixture.documents(spark()),
            ScoreFixture.rubric())).getMessage());
  }
}
