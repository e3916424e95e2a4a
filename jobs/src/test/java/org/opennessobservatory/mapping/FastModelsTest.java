package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.nlp.Models;

/**
 * The issue matcher's faster tokens and tags ({@link Models#englishWordTokens} through {@link CachingTokenizer},
 * {@link Models#englishPosGreedy}) are the shipped models' own on the samples and a generated archive, and
 * CachingTokenizer's are TokenizerME's; where the tokens may differ, they differ as said.
 */
class FastModelsTest {
  @Test
  void sameTokensAndTagsAsTheShippedModelsOnTheSamplesAndAGeneratedArchive() {
    List<String> texts = new ArrayList<>(MatcherTexts.samples());
    texts.addAll(MatcherTexts.generated(6, 6));
    TokenizerME shippedTokens = new TokenizerME(Models.englishTokens());
    TokenizerME wordTokens = new TokenizerME(Models.englishWordTokens());
    POSTaggerME beamOfThree = new POSTaggerME(Models.englishPos());
    POSTaggerME greedy = new POSTaggerME(Models.englishPosGreedy());
    long sentences = 0;
    long tokens = 0;
    for (String text : texts) {
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
        String[] t = Lemmas.tokens(sentence);
        assertArrayEquals(wordTokens.tokenize(sentence), t, sentence);
        assertArrayEquals(shippedTokens.tokenize(sentence), t, sentence);
        assertArrayEquals(beamOfThree.tag(t), greedy.tag(t), sentence);
        sentences++;
        tokens += t.length;
      }
    }
    System.out.printf(Locale.ROOT, "fast models: same tokens and tags in %d sentences, %d tokens%n", sentences,
        tokens);
    assertTrue(sentences > 3_000, sentences + " sentences");
  }

  @Test
  void lettersAndDigitsStayOneToken() {
    String sentence = "Thus, EBU and its members require net neutrality.";
    assertEquals(List.of("Thus", ",", "EB", "U", "and", "its", "members", "require", "net", "neutrality", "."),
        List.of(new TokenizerME(Models.englishTokens()).tokenize(sentence)), "the shipped model splits it");
    assertEquals(List.of("Thus", ",", "EBU", "and", "its", "members", "require", "net", "neutrality", "."),
        List.of(Lemmas.tokens(sentence)));
  }
}
