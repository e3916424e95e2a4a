package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matcher's exact filter ({@link IssueMatcher#need}): it rests on every lemma being one of
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

  private static final IssueMatcher NETWORK = IssueMatcher.of(Taxonomy.read("t.yaml", new java.io.StringReader("""
      version: "t1"
      issues:
        - id: access
          label: Access
          description: d
          terms: [network, woman]
          phrases: [mesh network]
        - id: other
          label: Other
          description: d
          terms: [x]
      ignore: [network for child, council for child]
      """)));

  private static IssueMatcher.Need need(String sentence) {
    String[] tokens = Lemmas.tokens(sentence);
    return NETWORK.need(tokens, Lemmas.lower(tokens));
  }

  @Test
  void whatASentenceNeedsBeforeMatching() {
    // "networthiness" starts like "network" (the prefix prefilter lets it through), but no class of the lemmatizer
    // turns it into a key: nothing
    assertEquals(IssueMatcher.Need.NOTHING, need("Networthiness is a made-up word."));
    // "networks" is a key of network as written (its regular plural): the lemma cannot change the match
    assertEquals(IssueMatcher.Need.LOWER_CASE, need("The networks grow."));
    assertEquals(IssueMatcher.Need.LOWER_CASE, need("Mesh networks grow."));
    // "women" is a key of woman only as a lemma, so the lemmatizer decides
    assertEquals(IssueMatcher.Need.LEMMAS, need("The women grow."));
    // a phrase to ignore counts for nothing, but it takes its words: where its match depends on a lemma, so does
    // whether "network" is counted for the term
    assertEquals(IssueMatcher.Need.LOWER_CASE, need("A network for child care."));
    assertEquals(IssueMatcher.Need.LEMMAS, need("A network for children."));
    // where no term can match, what is ignored does not matter
    assertEquals(IssueMatcher.Need.NOTHING, need("The council for children met."));
  }

  @Test
  void sentencesMatchedOnTheirLowerCaseWordsAreNotLemmatized() {
    // the irregular "women" needs a candidate beside it to pass the prefix prefilter; the venue takes its "network"
    IssueMatcher.Result r = NETWORK.match("Networthiness is a made-up word. The networks grow. The women grow "
        + "networks. A network for child care.");
    assertEquals(4, r.sentences());
    assertEquals(1, r.lemmatizedSentences());
    assertEquals(new IssueMatcher.Hit(3, java.util.List.of("network", "woman"), 0), r.hits().get("access"));
  }
}
