package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matcher's exact filter ({@link IssueMatcher#canMatch}): it rests on every lemma being one of
 * {@link Lemmas#possibleLemmas}, and it changes no result.
 */
class ExactFilterTest {
  private static List<String> texts(int transcripts, int others) {
    List<String> texts = new ArrayList<>(MatcherTexts.samples());
    texts.addAll(MatcherTexts.generated(transcripts, others));
    return texts;
  }

  @Test
  void everyLemmaIsAPossibleLemmaOfItsToken() {
    long tokens = 0;
    for (String text : texts(3, 3)) {
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
        String[] t = Lemmas.tokens(sentence);
        String[] lemmas = Lemmas.lemmas(t);
        for (int i = 0; i < t.length; i++) {
          Set<String> possible = Lemmas.possibleLemmas(t[i]);
          assertTrue(possible.contains(lemmas[i]), t[i] + " -> " + lemmas[i] + " in: " + sentence);
          tokens++;
        }
      }
    }
    assertTrue(tokens > 20_000, tokens + " tokens");
  }

  @Test
  void sameMatchesWithAndWithoutTheExactFilter() {
    IssueMatcher exact = IssueMatcher.of(Taxonomy.shipped());
    IssueMatcher plain = IssueMatcher.withoutExactFilter(Taxonomy.shipped());
    long sentences = 0;
    long lemmatizedExact = 0;
    long lemmatizedPlain = 0;
    long hits = 0;
    for (String text : texts(6, 6)) {
      IssueMatcher.Result a = exact.match(text);
      IssueMatcher.Result b = plain.match(text);
      assertEquals(b.hits(), a.hits());
      assertEquals(b.matchedSentences(), a.matchedSentences());
      sentences += a.sentences();
      lemmatizedExact += a.lemmatizedSentences();
      lemmatizedPlain += b.lemmatizedSentences();
      hits += a.hits().size();
    }
    System.out.printf(Locale.ROOT, "exact filter: %d of %d sentences lemmatized (%d without it), the same %d issue hits%n",
        lemmatizedExact, sentences, lemmatizedPlain, hits);
    assertTrue(lemmatizedExact < lemmatizedPlain, lemmatizedExact + " vs " + lemmatizedPlain);
  }

  @Test
  void aSentenceWhoseWordsCannotBeKeysIsNotLemmatized() {
    // "networthiness" starts like "network" (the prefix prefilter lets it through), but no class of the lemmatizer
    // turns it into a key of the term: not lemmatized, and no match either way
    IssueMatcher exact = IssueMatcher.of(Taxonomy.read("t.yaml", new java.io.StringReader("""
        version: "t1"
        issues:
          - id: access
            label: Access
            description: d
            terms: [network]
        """)));
    IssueMatcher.Result r = exact.match("Networthiness is a made-up word. The networks grow.");
    assertEquals(2, r.sentences());
    assertEquals(1, r.lemmatizedSentences());
    assertEquals(1, r.hits().get("access").matches());
  }
}
