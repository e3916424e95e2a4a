package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.nlp.Models;

/** {@link CachingTokenizer} gives TokenizerME's tokens, sentence for sentence. */
class CachingTokenizerTest {
  @Test
  void sameTokensAsTokenizerMeOnTheSamplesAndAGeneratedArchive() {
    List<String> texts = new ArrayList<>(MatcherTexts.samples());
    texts.addAll(MatcherTexts.generated(6, 6));
    TokenizerME reference = new TokenizerME(Models.englishWordTokens());
    CachingTokenizer fast = new CachingTokenizer(Models.englishWordTokens());
    long sentences = 0;
    long tokens = 0;
    for (String text : texts) {
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
        String[] expected = reference.tokenize(sentence);
        assertArrayEquals(expected, fast.tokenize(sentence), sentence);
        sentences++;
        tokens += expected.length;
      }
    }
    System.out.printf(Locale.ROOT, "CachingTokenizer: same tokens as TokenizerME in %d sentences, %d tokens%n",
        sentences, tokens);
    assertTrue(sentences > 3_000, sentences + " sentences");
  }

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
