package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The pure functions of stage influence on hand-made cases, offsets computed by hand. */
class AlignmentTest {
  private static final Alignment.Config CONFIG = new Alignment.Config(3, 2, 4, 0.6, 3, 100, 2);

  /** Seeds as the index gives them: every 3-gram the two texts share (contribution df 1). */
  static List<Alignment.Seed> seeds(String a, String b, int n) {
    List<Alignment.Seed> out = new ArrayList<>();
    for (ReuseNgrams.Ngram x : ReuseNgrams.ngrams(a, n)) {
      for (ReuseNgrams.Ngram y : ReuseNgrams.ngrams(b, n)) {
        if (x.key().equals(y.key())) {
          out.add(new Alignment.Seed(x.index(), y.index(), 1));
        }
      }
    }
    return out;
  }

  @Test
  void shinglesCarryOffsets() {
    // "Open, inclusive access!" words: open [0,4) inclusive [6,15) access [16,22)
    List<ReuseNgrams.Ngram> g = ReuseNgrams.ngrams("Open, inclusive access!", 2);
    assertEquals(List.of(new ReuseNgrams.Ngram("open inclusive", 0, 0, 15),
        new ReuseNgrams.Ngram("inclusive access", 1, 6, 22)), g);
  }

  @Test
  void verbatimPassageHasOffsetsOnBothSides() {
    String source = "We ask that meaningful access be measured by use. Nothing else.";
    String target = "Messages: meaningful access be measured by use, said many.";
    // source: "meaningful" starts at 12, "use" ends at 48; target: "meaningful" at 10, "use" ends at 46
    List<Alignment.Passage> p = Alignment.align(source, target, seeds(source, target, 3), CONFIG);
    assertEquals(1, p.size());
    Alignment.Passage x = p.get(0);
    assertEquals(List.of(12, 48, 10, 46), List.of(x.sourceStart(), x.sourceEnd(), x.targetStart(), x.targetEnd()));
    assertEquals(1.0, x.similarity(), 1e-9);
    Assertions.assertTrue(!x.boilerplate());
  }

  @Test
  void aChangedWordKeepsOnePassageWithLowerSimilarity() {
    String source = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    String target = "alpha beta gamma delta EPSILON2 zeta eta theta iota kappa";
    List<Alignment.Passage> p = Alignment.align(source, target, seeds(source, target, 3), CONFIG);
    assertEquals(1, p.size());
    // whole texts: source [0, 56), target [0, 57); LCS 9 of 10 words each side: 2*9/20
    assertEquals(List.of(0, 56, 0, 57), List.of(p.get(0).sourceStart(), p.get(0).sourceEnd(),
        p.get(0).targetStart(), p.get(0).targetEnd()));
    assertEquals(0.9, p.get(0).similarity(), 1e-9);
  }

  @Test
  void aPassageSplitAcrossSentencesWithInsertedWordsIsOne() {
    String source = "one two three four five six seven eight";
    String target = "one two three four. That is, five six seven eight";
    List<Alignment.Passage> p = Alignment.align(source, target, seeds(source, target, 3), CONFIG);
    assertEquals(1, p.size());
    assertEquals(List.of(0, 39, 0, 49), List.of(p.get(0).sourceStart(), p.get(0).sourceEnd(),
        p.get(0).targetStart(), p.get(0).targetEnd()));
    // 8 source words, 10 target words, LCS 8
    assertEquals(16.0 / 18.0, p.get(0).similarity(), 1e-9);
  }

  /**
   * A contribution reused whole in a long outcome: 3,400 words verbatim, then the same with every 100th word changed.
   * (A word table cut at 2,000 words scored the first 2·2,000 / 6,800 = 0.59 and dropped it.)
   */
  @Test
  void longPassagesAreScoredOnAllTheirWords() {
    StringBuilder source = new StringBuilder();
    StringBuilder edited = new StringBuilder();
    List<Alignment.Seed> seeds = new ArrayList<>();
    for (int i = 0; i < 3_400; i++) {
      source.append(" w").append(i);
      edited.append(i % 100 == 50 ? " changed" : " w" + i);
      seeds.add(new Alignment.Seed(i, i, 1));
    }
    Alignment.Config config = Alignment.Config.defaults();
    List<Alignment.Passage> verbatim = Alignment.align(source.toString(), source.toString(), seeds, config);
    assertEquals(1, verbatim.size());
    assertEquals(List.of(0, 3_400, 1.0), List.of(verbatim.get(0).sourceWordStart(), verbatim.get(0).targetWordEnd(),
        verbatim.get(0).similarity()));
    // 34 words changed: LCS 3,366 of 3,400 words on each side
    List<Alignment.Passage> p = Alignment.align(source.toString(), edited.toString(), seeds, config);
    assertEquals(1, p.size());
    assertEquals(2.0 * 3_366 / 6_800, p.get(0).similarity(), 1e-12);
  }

  /** The LCS is the one a table of every pair of words gives, on random word sequences with much and little shared. */
  @Test
  void lcsIsTheTablesOnRandomSequences() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 300; round++) {
      int vocabulary = 2 + random.nextInt(8);
      List<ReuseNgrams.Word> a = randomWords(random, random.nextInt(40), vocabulary);
      List<ReuseNgrams.Word> b = randomWords(random, random.nextInt(40), vocabulary);
      int[][] table = new int[a.size() + 1][b.size() + 1];
      for (int i = 1; i <= a.size(); i++) {
        for (int j = 1; j <= b.size(); j++) {
          table[i][j] = a.get(i - 1).norm().equals(b.get(j - 1).norm()) ? table[i - 1][j - 1] + 1
              : Math.max(table[i - 1][j], table[i][j - 1]);
        }
      }
      assertEquals(table[a.size()][b.size()], Alignment.lcs(a, b), a + " / " + b);
    }
  }

  private static List<ReuseNgrams.Word> randomWords(java.util.Random random, int length, int vocabulary) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(" v").append(random.nextInt(vocabulary));
    }
    return ReuseNgrams.words(text.toString());
  }

  @Test
  void unrelatedTextsGiveNothingAndShortMatchesAreDropped() {
    Assertions.assertTrue(Alignment.align("a b c d e f", "g h i j k l", List.of(), CONFIG).isEmpty());
    // 3 shared words only (< minWords 4)
    Assertions.assertTrue(Alignment.align("x a b c y", "z a b c w", seeds("x a b c y", "z a b c w", 3), CONFIG)
        .isEmpty());
  }

  @Test
  void boilerplateWhenHalfTheSeedsAreCommon() {
    String text = "one two three four five six";
    List<Alignment.Seed> s = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      s.add(new Alignment.Seed(i, i, i < 2 ? 3 : 1)); // two of four seeds in 3 contributions (= the bound)
    }
    Assertions.assertTrue(Alignment.align(text, text, s, CONFIG).get(0).boilerplate());
    s.set(1, new Alignment.Seed(1, 1, 2));
    Assertions.assertTrue(!Alignment.align(text, text, s, CONFIG).get(0).boilerplate());
  }

  @Test
  void dateRule() {
    LocalDate may = LocalDate.of(2023, 5, 1);
    LocalDate june = LocalDate.of(2023, 6, 1);
    assertEquals(DateRule.DAY, DateRule.basis(may, 2023, june, 2023));
    assertEquals(null, DateRule.basis(june, 2023, may, 2023));
    assertEquals(null, DateRule.basis(may, 2023, may, 2023));
    assertEquals(DateRule.YEAR, DateRule.basis(null, 2023, june, 2023));
    assertEquals(null, DateRule.basis(null, 2024, june, 2023));
    assertEquals(null, DateRule.basis(null, null, june, null));
  }

  @Test
  void coverageCountsSharedCharactersForEachGroup() {
    // cs covers [0,10) and [20,30); gov covers [5,25): overlap [5,10) and [20,25) = 10 chars shared
    List<Coverage.Span> spans = List.of(new Coverage.Span("cs", 0, 10), new Coverage.Span("cs", 20, 30),
        new Coverage.Span("gov", 5, 25));
    assertEquals(Map.of("cs", new Coverage.GroupChars(20, 10), "gov", new Coverage.GroupChars(20, 10)),
        Coverage.byGroup(spans));
    assertEquals(30, Coverage.union(spans));
    // overlapping spans of one group count once
    assertEquals(Map.of("cs", new Coverage.GroupChars(15, 0)),
        Coverage.byGroup(List.of(new Coverage.Span("cs", 0, 10), new Coverage.Span("cs", 5, 15))));
  }
}
