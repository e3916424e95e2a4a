package org.opennessobservatory.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Words and n-grams on hand-made texts; every offset counted by hand. */
class ReuseNgramsTest {
  //                             0         1         2
  //                             0123456789012345678901234567
  private static final String T = "Hello, World! Café-au-lait";

  @Test
  void wordsAreNormalisedAndKeepTheirOffsets() {
    assertEquals(List.of(new ReuseNgrams.Word("hello", 0, 5), new ReuseNgrams.Word("world", 7, 12),
        new ReuseNgrams.Word("cafe", 14, 18), new ReuseNgrams.Word("au", 19, 21),
        new ReuseNgrams.Word("lait", 22, 26)), ReuseNgrams.words(T));
  }

  @Test
  void ngramsSpanFirstWordStartToLastWordEnd() {
    assertEquals(List.of(new ReuseNgrams.Ngram("hello world", 0, 0, 12), new ReuseNgrams.Ngram("world cafe", 1, 7, 18),
        new ReuseNgrams.Ngram("cafe au", 2, 14, 21), new ReuseNgrams.Ngram("au lait", 3, 19, 26)),
        ReuseNgrams.ngrams(T, 2));
  }

  @Test
  void accentsFoldedAndCaseIgnored() {
    assertEquals("petrovic", ReuseNgrams.normalise("PETROVIĆ"));
    assertEquals("tomas", ReuseNgrams.normalise("Tomás"));
    // Decomposed input (e + U+0301) is one word, folded the same way.
    assertEquals(List.of(new ReuseNgrams.Word("cafe", 0, 5)), ReuseNgrams.words("Cafe\u0301!"));
    assertEquals(ReuseNgrams.ngrams("Ana Petrović said: licence-exempt spectrum, now.", 3).stream()
            .map(ReuseNgrams.Ngram::key).toList(),
        ReuseNgrams.ngrams("ana petrovic said licence exempt SPECTRUM now", 3).stream()
            .map(ReuseNgrams.Ngram::key).toList());
  }

  @Test
  void shortOrEmptyTextsHaveNoNgrams() {
    assertTrue(ReuseNgrams.ngrams("one two three", 8).isEmpty());
    assertTrue(ReuseNgrams.ngrams("", 8).isEmpty());
    assertTrue(ReuseNgrams.ngrams(null, 8).isEmpty());
    assertEquals(1, ReuseNgrams.ngrams("a b c d e f g h", 8).size());
  }
}
