package org.opennessobservatory.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.junit.jupiter.api.Test;

class WordCounterTest {
  @Test
  void countsByHand() {
    assertEquals(0, WordCounter.countWords(""));
    assertEquals(0, WordCounter.countWords(" -- ... !"));
    // Thank | you | Madam | Chair | I | m | from | ISOC | 2024 | is | our | 19 | th | IGF
    assertEquals(14, WordCounter.countWords("Thank you, Madam Chair. I'm from ISOC-2024; is our 19th IGF?"));
    assertEquals(3, WordCounter.countWords("Ça   marche, été"));
  }

  @Test
  void agreesWithOpenNlpSimpleTokenizer() {
    Random random = new Random(7);
    String alphabet = "abcXYZé12 ,.;-'’\n\t>:()";
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(200); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      long expected = 0;
      for (String token : SimpleTokenizer.INSTANCE.tokenize(text.toString())) {
        if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
          expected++;
        }
      }
      assertEquals(expected, WordCounter.countWords(text), () -> "text: " + text);
    }
  }
}
