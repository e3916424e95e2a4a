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
    return RowFactory.create(id, type, "f", 2024, new HashMap<String, String>(), Date.valueOf(day), null, group,
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
    Assertions.assertTrue(r.pairs().filter(col("target_type").equalTo("outcome")).count() == 3,
        "candidate pairs a-o, b-o, c-o (c is dropped by the date rule after pairing)");
    r.release();
  }
}
