package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.bench.InfluenceBenchmark;
import org.opennessobservatory.testing.SparkTestBase;

/** Stage influence on a hand-made process; offsets and shares computed by hand. */
class InfluenceStageTest extends SparkTestBase {
  // S1 = [0, 39), S2 = [41, 97), S3 = [99, 140); 141 characters
  static final String OUTCOME = "one two three four five six seven eight. nine ten eleven twelve thirteen fourteen "
      + "fifteen sixteen. red blue green black white pink gold grey.";

  static Row doc(String id, String type, String group, String day, String text) {
    return doc(id, type, group, day, text, "org-" + id, null);
  }

  /** A document of forum f, 2024; {@code process} is the manifest's process_id, or null for none. */
  static Row doc(String id, String type, String group, String day, String text, String organisation,
      String process) {
    Map<String, String> extra = new HashMap<>();
    if (process != null) {
      extra.put("process_id", process);
    }
    return RowFactory.create(id, type, "f", 2024, extra, Date.valueOf(day), null, group, organisation, null, text);
  }

  /** A document of the manifest's process {@code process} in {@code forum} and {@code year}. */
  static Row doc(String id, String type, String group, String day, String text, String forum, int year,
      String process) {
    return RowFactory.create(id, type, forum, year, Map.of("process_id", process), Date.valueOf(day), null, group,
        "org-" + id, null, text);
  }

  static String words(String prefix, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(prefix).append(i).append(i % 10 == 9 ? ". " : " ");
    }
    return b.toString();
  }

  Dataset<Row> documents() {
    String shared = words("coordinated", 60);
    List<Row> rows = new ArrayList<>(List.of(
        doc("o", "outcome", "other", "2024-07-01", OUTCOME),
        doc("a", "contribution", "civil_society", "2024-05-01",
            "We say: one two three four five six seven eight. Other words here."),
        doc("b", "contribution", "government", "2024-05-02",
            "one two three four five six seven eight. nine ten eleven twelve thirteen fourteen fifteen sixteen."),
        // after the outcome: its reused sentence does not count
        doc("c", "contribution", "civil_society", "2024-08-01", "red blue green black white pink gold grey."),
        doc("d", "contribution", "academia", "2024-05-03", "nothing in common at all with anything else written"),
        // a coordinated pair: the same 60 words (over 200 characters) in both
        doc("e", "contribution", "civil_society", "2024-08-02", shared + " signed e"),
        doc("f", "contribution", "private_sector", "2024-08-03", "signed f. " + shared)));
    return spark().createDataFrame(rows, InfluenceBenchmark.schemaForTests());
  }

  @Test
  void passagesSharesAndClusters() {
    InfluenceStage.Result r = InfluenceStage.run(documents(), InfluenceStage.Config.defaults());
    List<Row> p = r.passages().orderBy("source_doc_id").collectAsList();
    assertEquals(2, p.size(), p.toString());
    assertEquals(List.of("a", 0, 39, 8, 47), List.of(p.get(0).getAs("source_doc_id"), p.get(0).getAs("outcome_start"),
        p.get(0).getAs("outcome_end"), p.get(0).getAs("source_start"), p.get(0).getAs("source_end")));
    assertEquals(List.of("b", 0, 97, 97, "day"), List.of(p.get(1).getAs("source_doc_id"),
        p.get(1).getAs("outcome_start"), p.get(1).getAs("outcome_end"), p.get(1).getAs("aligned_chars"),
        p.get(1).getAs("date_basis")));

    Map<String, Row> g = new HashMap<>();
    r.byGroup().collectAsList().forEach(x -> g.put(x.getAs("stakeholder_group"), x));
    assertEquals(3, g.size(), g.toString()); // civil_society (a; c is later), government (b), academia (d)
    Row cs = g.get("civil_society");
    assertEquals(List.of(141L, 39L, 39L, 1L, 1L), List.of(cs.getAs("outcome_chars"), cs.getAs("attributed_chars"),
        cs.getAs("shared_chars"), cs.getAs("contributions"), cs.getAs("reused_contributions")));
    assertEquals(39.0 / 141, cs.getAs("share"), 1e-12);
    assertEquals((39.0 / 141) / (1.0 / 3), cs.getAs("normalised_share"), 1e-12);
    Row gov = g.get("government");
    assertEquals(97.0 / 141, gov.getAs("share"), 1e-12);
    assertEquals(39L, (long) gov.getAs("shared_chars"));
    assertEquals(0.0, g.get("academia").<Double>getAs("share"), 0.0);

    List<Row> clusters = r.clusters().collectAsList();
    assertEquals(1, clusters.size(), clusters.toString());
    assertEquals(List.of("e", "f"), clusters.get(0).getList(clusters.get(0).fieldIndex("member_doc_ids")));
    assertEquals(List.of("civil_society", "private_sector"),
        clusters.get(0).getList(clusters.get(0).fieldIndex("stakeholder_groups")));
    // One edge, e -> f (a contribution pairs with those whose id sorts after its own), over the shared 60 words:
    // 10 of 12 characters (coordinated0-9) and 50 of 13, 54 single spaces and 5 ". " between them = 834 characters.
    assertEquals(List.of(1L, 834L), List.of(clusters.get(0).getAs("links"), clusters.get(0).getAs("shared_chars")));
    Assertions.assertTrue(r.pairs().filter(col("target_type").equalTo("outcome")).count() == 3,
        "candidate pairs a-o, b-o, c-o (c is dropped by the date rule after pairing)");
    r.release();
  }

  /**
   * A quotation that ten civil-society contributions share is boilerplate: flagged, attributed to no group, and no
   * reason to cluster them. The manifest's process_id makes the process: a document of the same forum and year
   * without it is in another process. Characters by hand: QUOTE = words("quoted", 30) is 10 words of 7 letters + 20
   * of 8, each followed by a space, the 10th, 20th and 30th by ". " = 70 + 160 + 27 + 6 = 263 characters; OWN =
   * words("gov", 12) is 10 × 4 + 2 × 5 letters + 11 spaces + ". " = 63 characters. The outcome is QUOTE + OWN (326
   * characters); the government passage runs from OWN's start (263) to the end of "gov11" (263 + 62 = 325).
   */
  @Test
  void boilerplateWeighsNothingAndTheManifestProcessDecides() {
    String quote = words("quoted", 30);
    String own = words("gov", 12);
    assertEquals(263, quote.length());
    assertEquals(63, own.length());
    List<Row> rows = new ArrayList<>();
    rows.add(doc("o", "outcome", "other", "2024-07-01", quote + own, "org-o", "review"));
    for (int i = 0; i < 10; i++) {
      // c0 and c1 come from one organisation: ten contributions, nine contributors
      rows.add(doc("c" + i, "contribution", "civil_society", "2024-05-01",
          "As resolved: " + quote + words("c" + i + "x", 20), i < 2 ? "org-c" : "org-c" + i, "review"));
    }
    rows.add(doc("g", "contribution", "government", "2024-05-02", "Our view. " + own, "org-g", "review"));
    // same forum and year, no process_id: the process f/2024, not the outcome's
    rows.add(doc("x", "contribution", "technical_community", "2024-05-03", own + "and more", "org-x", null));
    InfluenceStage.Result r = InfluenceStage.run(spark().createDataFrame(rows, InfluenceBenchmark.schemaForTests()),
        InfluenceStage.Config.defaults());

    List<Row> passages = r.passages().collectAsList();
    assertEquals(11, passages.size(), passages.toString());
    for (Row p : passages) {
      boolean government = "g".equals(p.getAs("source_doc_id"));
      assertEquals(!government, p.<Boolean>getAs("boilerplate"), p.toString());
      assertEquals("review", p.getAs("process_id"));
      if (government) {
        assertEquals(List.of(263, 325), List.of(p.getAs("outcome_start"), p.getAs("outcome_end")));
      }
    }
    Map<String, Row> g = new HashMap<>();
    r.byGroup().collectAsList().forEach(x -> g.put(x.getAs("stakeholder_group"), x));
    assertEquals(2, g.size(), "x is in another process: " + g);
    Row cs = g.get("civil_society");
    assertEquals(List.of(326L, 0L, 0L, 10L, 9L, 0L), List.of(cs.getAs("outcome_chars"), cs.getAs("attributed_chars"),
        cs.getAs("passages"), cs.getAs("contributions"), cs.getAs("contributors"), cs.getAs("reused_contributions")));
    assertEquals(10.0 / 11, cs.getAs("contribution_share"), 1e-12);
    assertEquals(0.0, cs.<Double>getAs("normalised_share"), 0.0);
    Row gov = g.get("government");
    assertEquals(List.of(62L, 1L, 1L, 1L, 0L), List.of(gov.getAs("attributed_chars"), gov.getAs("passages"),
        gov.getAs("contributions"), gov.getAs("contributors"), gov.getAs("shared_chars")));
    assertEquals(62.0 / 326, gov.getAs("share"), 1e-12);
    assertEquals((62.0 / 326) / (1.0 / 11), gov.getAs("normalised_share"), 1e-12);
    assertEquals(0, r.clusters().count(), "a shared quotation is not coordination");
    r.release();
  }

  /**
   * A process whose documents span forums and years (a manifest process_id, as a review process whose inputs come a
   * year before its outcome): a passage lies in the outcome's forum-year, a cluster in its earliest member's, one row.
   * Lengths and offsets count UTF-16 units, as Java strings do: the outcome opens with an emoji (2 units, 1 code
   * point) and a space, so S1 + S2 of the first test are at [3, 100) and the outcome has 141 + 3 = 144 units.
   */
  @Test
  void aProcessAcrossYearsKeepsOutcomeYearsAndWholeClusters() {
    String shared = words("coordinated", 60);
    List<Row> rows = List.of(
        doc("o", "outcome", "other", "2025-03-01", "\uD83D\uDE00 " + OUTCOME, "w", 2025, "wsis20"),
        doc("b", "contribution", "government", "2024-05-02",
            "one two three four five six seven eight. nine ten eleven twelve thirteen fourteen fifteen sixteen.",
            "f", 2024, "wsis20"),
        doc("e", "contribution", "civil_society", "2024-08-02", shared + " signed e", "f", 2024, "wsis20"),
        doc("g", "contribution", "private_sector", "2025-01-03", "signed g. " + shared, "w", 2025, "wsis20"));
    InfluenceStage.Result r = InfluenceStage.run(spark().createDataFrame(rows, InfluenceBenchmark.schemaForTests()),
        InfluenceStage.Config.defaults());
    List<Row> p = r.passages().collectAsList();
    assertEquals(1, p.size(), p.toString());
    assertEquals(List.of("b", 3, 100, "w", 2025), List.of(p.get(0).getAs("source_doc_id"),
        p.get(0).getAs("outcome_start"), p.get(0).getAs("outcome_end"), p.get(0).getAs("forum"),
        p.get(0).getAs("year")));
    Row gov = r.byGroup().filter(col("stakeholder_group").equalTo("government")).first();
    assertEquals(List.of(144L, 97L, "w", 2025), List.of(gov.getAs("outcome_chars"), gov.getAs("attributed_chars"),
        gov.getAs("forum"), gov.getAs("year")));
    assertEquals(97.0 / 144, gov.getAs("share"), 1e-12);
    List<Row> clusters = r.clusters().collectAsList();
    assertEquals(1, clusters.size(), clusters.toString());
    Row c = clusters.get(0);
    assertEquals(List.of(List.of("e", "g"), 2L, "f", 2024), List.of(c.getList(c.fieldIndex("member_doc_ids")),
        c.<Long>getAs("size"), c.<String>getAs("forum"), c.<Integer>getAs("year")));
    r.release();
  }
}
