package org.opennessobservatory.mapping;

import java.util.Locale;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.opennessobservatory.nlp.Models;

/**
 * English sentences, tokens and lemmas with the pinned OpenNLP models. The {@code *ME} classes are not thread-safe:
 * each thread gets its own, over the shared models. Lemmas are lower-case; where the lemmatizer gives none, the
 * lower-case word stands in.
 */
final class Lemmas {
  private Lemmas() {}

  private static final ThreadLocal<SentenceDetectorME> SENTENCES =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));
  private static final ThreadLocal<TokenizerME> TOKENIZER =
      ThreadLocal.withInitial(() -> new TokenizerME(Models.englishTokens()));
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Models.englishPos()));
  /** LemmatizerME's lemmas: through {@link CachingLemmatizer} (same results, faster) when the model allows. */
  private static final ThreadLocal<java.util.function.BiFunction<String[], String[], String[]>> LEMMATIZER =
      ThreadLocal.withInitial(() -> {
        if (CachingLemmatizer.supports(Models.englishLemmas())) {
          return CachingLemmatizer.of(Models.englishLemmas())::lemmatize;
        }
        return new LemmatizerME(Models.englishLemmas())::lemmatize;
      });

  static String[] sentences(String text) {
    return SENTENCES.get().sentDetect(text);
  }

  static String[] tokens(String sentence) {
    return TOKENIZER.get().tokenize(sentence);
  }

  /** The lower-case lemma of each token of one sentence (POS tagging, then lemmatizing: the expensive steps). */
  static String[] lemmas(String[] tokens) {
    String[] tags = TAGGER.get().tag(tokens);
    String[] lemmas = LEMMATIZER.get().apply(tokens, tags);
    String[] out = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      String l = i < lemmas.length ? lemmas[i] : null;
      out[i] = l == null || l.isEmpty() || l.equals("O") || l.equals("_") || l.contains("+")
          ? tokens[i].toLowerCase(Locale.ROOT) : l.toLowerCase(Locale.ROOT);
    }
    return out;
  }

  static String[] lower(String[] tokens) {
    String[] out = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      out[i] = tokens[i].toLowerCase(Locale.ROOT);
    }
    return out;
  }
}
