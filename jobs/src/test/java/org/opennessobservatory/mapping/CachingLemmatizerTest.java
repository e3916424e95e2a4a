package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.nlp.Models;

/** {@link CachingLemmatizer} gives LemmatizerME's lemmas, sentence for sentence. */
class CachingLemmatizerTest {
  @Test
  void theShippedModelIsSupported() {
    assertTrue(CachingLemmatizer.supports(Models.englishLemmas()));
  }

  @Test
  void sameLemmasAsLemmatizerMeOnTheSamplesAndAGeneratedArchive() {
    List<String> texts = new ArrayList<>(MatcherTexts.samples());
    texts.addAll(MatcherTexts.generated(6, 6));
    POSTaggerME tagger = new POSTaggerME(Models.englishPos());
    LemmatizerME reference = new LemmatizerME(Models.englishLemmas());
    CachingLemmatizer fast = CachingLemmatizer.of(Models.englishLemmas());
    long sentences = 0;
    long tokens = 0;
    for (String text : texts) {
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
        String[] t = Lemmas.tokens(sentence);
        String[] tags = tagger.tag(t);
        assertArrayEquals(reference.lemmatize(t, tags), fast.lemmatize(t, tags), sentence);
        sentences++;
        tokens += t.length;
      }
    }
    System.out.printf(Locale.ROOT, "CachingLemmatizer: same lemmas as LemmatizerME in %d sentences, %d tokens%n",
        sentences, tokens);
    assertTrue(sentences > 3_000, sentences + " sentences");
  }

  @Test
  void emptySentence() {
    assertArrayEquals(new String[0], CachingLemmatizer.of(Models.englishLemmas()).lemmatize(new String[0],
        new String[0]));
  }

  @Test
  void thresholdIsTheKthLargestOfASortedCopy() {
    Random r = new Random(1);
    double[][] cases = {{0.5}, {0.1, 0.2}, {0.3, 0.3, 0.3, 0.1}, {0.0, -0.0, 0.0, 1e-300}, {1, 2, 3, 3, 2, 1}};
    List<double[]> all = new ArrayList<>(List.of(cases));
    for (int i = 0; i < 200; i++) {
      double[] a = new double[1 + r.nextInt(50)];
      for (int j = 0; j < a.length; j++) {
        a[j] = r.nextInt(4) == 0 ? r.nextInt(3) / 4.0 : r.nextDouble(); // with ties
      }
      all.add(a);
    }
    for (double[] a : all) {
      for (int k = 1; k <= 5; k++) {
        double[] sorted = a.clone();
        Arrays.sort(sorted);
        assertEquals(Double.doubleToRawLongBits(sorted[Math.max(0, a.length - k)]),
            Double.doubleToRawLongBits(CachingLemmatizer.largest(a, k)), Arrays.toString(a) + " k=" + k);
      }
    }
  }
}
