package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Passage merging with n = 8, gap 5, at least 2 n-grams; the 8-gram from word i covers words [i, i + 8). */
class ReusePassagesTest {
  private static List<ReusePassages.Passage> merge(List<ReusePassages.Match> matches) {
    return ReusePassages.merge(matches, 8, 5, 2);
  }

  private static ReusePassages.Match m(int s, int t) {
    return new ReusePassages.Match(s, t);
  }

  @Test
  void verbatimRunIsOnePassage() {
    // Source words 10-19 = target words 0-9: 10 words, 3 consecutive 8-grams.
    List<ReusePassages.Passage> p = merge(List.of(m(12, 2), m(10, 0), m(11, 1)));
    assertEquals(List.of(new ReusePassages.Passage(10, 20, 0, 10, 3)), p);
  }

  @Test
  void editedQuotationStaysWholeAndFarMatchesSplit() {
    List<ReusePassages.Match> ms = new ArrayList<>();
    ms.add(m(60, 100));
    ms.add(m(61, 101));
    // One word changed at source 69 / target 109: 8-grams 62-69 break, the next starts at 70 (61 + 8 + 1 ≤ 61 + 13).
    ms.add(m(70, 110));
    // 90 > 70 + 8 + 5: a new passage.
    ms.add(m(90, 130));
    ms.add(m(91, 131));
    // A lone 8-gram: below the 2 a passage needs.
    ms.add(m(40, 30));
    assertEquals(List.of(new ReusePassages.Passage(60, 78, 100, 118, 3),
        new ReusePassages.Passage(90, 99, 130, 139, 2)), merge(ms));
  }

  @Test
  void passageMovesForwardOnBothSides() {
    // The target runs backwards: no chain, each match alone, none kept.
    assertTrue(merge(List.of(m(10, 20), m(11, 19))).isEmpty());
    // minNgrams 1 keeps them as two passages.
    assertEquals(2, ReusePassages.merge(List.of(m(10, 20), m(11, 19)), 8, 5, 1).size());
  }

  @Test
  void theSameSourceQuotedTwiceInOneTargetGivesTwoPassages() {
    List<ReusePassages.Passage> p = merge(List.of(m(0, 0), m(1, 1), m(0, 50), m(1, 51)));
    assertEquals(List.of(new ReusePassages.Passage(0, 9, 0, 9, 2), new ReusePassages.Passage(0, 9, 50, 59, 2)), p);
  }
}
