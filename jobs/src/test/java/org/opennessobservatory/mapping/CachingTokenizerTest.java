package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.nlp.Models;

/**
 * {@link CachingTokenizer} gives TokenizerME's tokens, here on the hard cases; {@code FastModelsTest} compares them on
 * every sentence of the samples and a generated archive.
 */
class CachingTokenizerTest {
  @Test
  void piecesThatTheModelSplitsAndWhiteSpaceOfEveryKindWithAndWithoutTheAlphanumericOptimisation() {
    // the shipped model splits some all-caps words ("EBU"); the word tokens' model keeps every alphanumeric piece
    for (TokenizerModel model : List.of(Models.englishTokens(), Models.englishWordTokens())) {
      TokenizerME reference = new TokenizerME(model);
      CachingTokenizer fast = new CachingTokenizer(model);
      for (String s : List.of("", " ", "a", "Mr. Smith, don't (really) go\tnow.\n\nU.S.A. e.g. rights—yes?",
          "\u00a0ICANN’s  role…", "rights, rights, rights.", "The EBU and the PIN cost 2bn.")) {
        // twice: the second time from memory
        assertArrayEquals(reference.tokenize(s), fast.tokenize(s), s);
        assertArrayEquals(reference.tokenize(s), fast.tokenize(s), s);
      }
    }
  }
}
