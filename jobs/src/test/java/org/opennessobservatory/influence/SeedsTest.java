package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SeedsTest {
  private static Row at(String doc, String type, int idx) {
    return RowFactory.create(doc, type, idx);
  }

  private static List<String> pairs(List<Row> seeds) {
    return seeds.stream().map(r -> r.getString(2) + r.getInt(3) + ">" + r.getString(5) + r.getInt(7) + " dfc"
        + r.getLong(4)).sorted().toList();
  }

  @Test
  void contributionsPairWithOutcomesAndWithLaterContributionsOnce() {
    // b holds the n-gram twice: both occurrences seed; a-b is paired once (a < b), never b-a; o pairs with both.
    List<Row> postings = List.of(at("b", "contribution", 7), at("o", "outcome", 3), at("a", "contribution", 1),
        at("b", "contribution", 40));
    assertEquals(List.of("a1>b40 dfc2", "a1>b7 dfc2", "a1>o3 dfc2", "b40>o3 dfc2", "b7>o3 dfc2"),
        pairs(Seeds.of("p", 42L, postings, 100, true)));
    // Without contribution pairs (stage links): outcomes only.
    assertEquals(List.of("a1>o3 dfc2", "b40>o3 dfc2", "b7>o3 dfc2"), pairs(Seeds.of("p", 42L, postings, 100, false)));
  }

  @Test
  void nGramsInOneDocumentOrInTooManyPairNothing() {
    assertEquals(List.of(), pairs(Seeds.of("p", 1L, List.of(at("a", "contribution", 1), at("a", "contribution", 9)),
        100, true)));
    List<Row> three = List.of(at("a", "contribution", 1), at("b", "contribution", 1), at("o", "outcome", 1));
    assertEquals(List.of(), pairs(Seeds.of("p", 1L, three, 2, true)), "3 documents > maxDocumentFrequency 2");
    assertEquals(3, Seeds.of("p", 1L, three, 3, true).size(), "a>b, a>o, b>o");
  }

  @Test
  void outcomesAreNeverSources() {
    assertEquals(List.of(), pairs(Seeds.of("p", 1L, List.of(at("o1", "outcome", 1), at("o2", "outcome", 2)), 100,
        true)));
  }

  @Test
  void aPhraseRepeatedThroughoutTwoTextsSeedsFromItsFirstOccurrencesOnly() {
    // "blah" typed 100,000 times in a contribution and an outcome: 10^10 seeds without the cap; with it 16 × 16.
    List<Row> postings = new java.util.ArrayList<>();
    for (int i = 100_000; i > 0; i--) {
      postings.add(at("a", "contribution", i));
      postings.add(at("o", "outcome", i));
    }
    List<Row> seeds = Seeds.of("p", 1L, postings, 100, true);
    assertEquals(Seeds.MAX_OCCURRENCES * Seeds.MAX_OCCURRENCES, seeds.size());
    // the first occurrences by position (1 to 16), although the postings came last-first
    assertEquals(Seeds.MAX_OCCURRENCES, seeds.stream().mapToInt(r -> r.getInt(3)).max().getAsInt());
    assertEquals(Seeds.MAX_OCCURRENCES, seeds.stream().mapToInt(r -> r.getInt(7)).max().getAsInt());
  }
}
