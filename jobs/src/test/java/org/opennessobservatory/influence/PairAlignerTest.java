package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.SparkTestBase;

class PairAlignerTest extends SparkTestBase {
  private static Row seed(long gram, String source, int sIdx, String target, int tIdx) {
    return RowFactory.create("p", gram, source, sIdx, 1L, target, InfluenceStage.OUTCOME, tIdx);
  }

  /**
   * Seeds by hand: a→o shares n-grams 1 (twice: two occurrences on each side make two seeds) and 2, so 3 seeds and 2
   * distinct n-grams; b→o shares n-gram 1 only (2 seeds, 1 n-gram); c→o n-grams 3, 4 and 5. With minSeeds 2, b→o
   * is no candidate however many seeds it has.
   */
  @Test
  void candidatePairsCountDistinctNgramsNotSeeds() {
    List<Row> seeds = List.of(seed(1, "a", 0, "o", 10), seed(1, "a", 20, "o", 30), seed(2, "a", 5, "o", 15),
        seed(1, "b", 0, "o", 10), seed(1, "b", 40, "o", 10), seed(3, "c", 0, "o", 0), seed(4, "c", 1, "o", 1),
        seed(5, "c", 2, "o", 2));
    Dataset<Row> pairs = PairAligner.candidatePairs(spark().createDataFrame(seeds, Seeds.SEED), 2, "source_doc_id",
        "target_doc_id");
    Map<String, List<Long>> got = new TreeMap<>();
    for (Row r : pairs.collectAsList()) {
      got.put(r.getAs("source_doc_id") + ">" + r.getAs("target_doc_id"),
          List.of(r.<Long>getAs("shared_ngrams"), (long) r.getList(r.fieldIndex("seeds")).size()));
    }
    assertEquals(Map.of("a>o", List.of(2L, 3L), "c>o", List.of(3L, 3L)), got);
  }

  private static final StructType PAIR = new StructType().add("source_doc_id", DataTypes.StringType)
      .add("target_doc_id", DataTypes.StringType)
      .add("seeds", DataTypes.createArrayType(new StructType().add("s_idx", DataTypes.IntegerType)
          .add("t_idx", DataTypes.IntegerType).add("dfc", DataTypes.LongType).add("gram", DataTypes.LongType)))
      .add("s_text", DataTypes.StringType).add("t_text", DataTypes.StringType);

  private static final StructType OUT = new StructType().add("source_doc_id", DataTypes.StringType)
      .add("target_doc_id", DataTypes.StringType).add("target_start", DataTypes.IntegerType)
      .add("target_end", DataTypes.IntegerType);

  /**
   * One partition, three pairs sharing their target and a source, in an order that makes the word cache serve both
   * sides: each pair's passages are the ones {@link Alignment#align} gives that pair alone, and a pair whose passage
   * the row function drops (null) leaves no row.
   */
  @Test
  void alignsEachPairAsAlignmentDoesAlone() {
    String shared = "the forum should publish its agenda six weeks before every meeting and invite remote comments";
    String target = "Outcome. " + shared + ". Other words here.";
    String a = "From a: " + shared + ".";
    String b = "Nothing shared at all in this contribution text";
    String c = "From c: " + shared + ".";
    List<Row> pairs = new ArrayList<>();
    for (String[] p : new String[][] {{"a", a}, {"b", b}, {"c", c}, {"a", a}}) {
      List<Row> s = new ArrayList<>();
      for (Alignment.Seed x : AlignmentTest.seeds(p[1], target, 5)) {
        s.add(RowFactory.create(x.sourceIndex(), x.targetIndex(), (long) x.contributions(), 0L));
      }
      pairs.add(RowFactory.create(p[0], "o", s, p[1], target));
    }
    Alignment.Config config = Alignment.Config.defaults();
    PairAligner.PassageRow row = (r, p) -> "c".equals(r.getAs("source_doc_id")) ? null
        : RowFactory.create(r.getAs("source_doc_id"), r.getAs("target_doc_id"), p.targetStart(), p.targetEnd());
    List<Row> got = spark().createDataFrame(pairs, PAIR).coalesce(1)
        .mapPartitions(PairAligner.aligner(config, row), Encoders.row(OUT)).collectAsList();
    List<Alignment.Passage> alone = Alignment.align(a, target, AlignmentTest.seeds(a, target, 5), config);
    assertEquals(1, alone.size(), alone.toString());
    Row expected = RowFactory.create("a", "o", alone.get(0).targetStart(), alone.get(0).targetEnd());
    assertEquals(List.of(expected, expected), got);
    assertEquals(target.indexOf(shared), alone.get(0).targetStart());
    assertEquals(target.indexOf(shared) + shared.length(), alone.get(0).targetEnd());
    assertEquals(1, Alignment.align(c, target, AlignmentTest.seeds(c, target, 5), config).size(),
        "c has a passage, which the row function drops");
  }

  /**
   * A budget of 5 words and documents of 3 words each: after a, b, then a again (a hit: most recent), then c, the
   * cache holds the two most recent, a and c (9 words, over budget, but the current pair's two are never evicted).
   */
  @Test
  void wordCacheKeepsTheMostRecentWithinItsBudget() {
    PairAligner.Words words = new PairAligner.Words(5);
    List<ReuseNgrams.Word> a = words.of("a", "one two three");
    words.of("b", "four five six");
    assertEquals(List.of("a", "b"), words.documents());
    assertEquals(a, words.of("a", "ignored: a is cached"));
    words.of("c", "seven eight nine");
    assertEquals(List.of("a", "c"), words.documents());
    assertEquals(3, words.of("a", "ignored").size());
  }
}
