package org.opennessobservatory.mapping;

import java.util.Locale;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import org.opennessobservatory.nlp.Models;

/**
 * English sentences, tokens and lemmas with the pinned OpenNLP models. The {@code *ME} classes are not thread-safe:
 * each thread gets its own, over the shared models. Lemmas are lower-case; where the lemmatizer gives none, or
 * guesses ({@link #finish}), the lower-case word stands in.
 */
final class Lemmas {
  private Lemmas() {}

  private static final ThreadLocal<SentenceDetectorME> SENTENCES =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(Models.englishSentences()));
  /** TokenizerME's tokens, through {@link CachingTokenizer} (same tokens, faster). */
  private static final ThreadLocal<CachingTokenizer> TOKENIZER =
      ThreadLocal.withInitial(() -> new CachingTokenizer(Models.englishWordTokens()));
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(Models.englishPosGreedy()));
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
      out[i] = finish(tokens[i], i < lemmas.length ? lemmas[i] : null);
    }
    return out;
  }

  /**
   * The lemma {@link #lemmas} gives for {@code token} when the lemmatizer says {@code lemma}: the lower-case word where
   * the lemmatizer gives none, and where its lemma does not begin with the word's first two letters. Such a lemma is
   * the lemmatizer's guess at a word it does not know ("gnso" → "go", "gtld" → "gd", the "e" of "e-waste" → "email"),
   * or a suppletive form ("went" → "go", "is" → "be", "got" → "get"), which the taxonomy lists as written where a term
   * needs it ("got online"); "children" → "child" and "women" → "woman" keep theirs.
   */
  private static String finish(String token, String lemma) {
    String lower = token.toLowerCase(Locale.ROOT);
    if (lemma == null || lemma.isEmpty() || lemma.equals("O") || lemma.equals("_") || lemma.contains("+")) {
      return lower;
    }
    String l = lemma.toLowerCase(Locale.ROOT);
    return l.startsWith(lower.substring(0, Math.min(2, lower.length()))) ? l : lower;
  }

  /** The lemmatizer's classes (shortest edit scripts), each once: it gives every token one of these. */
  private static final class Classes {
    static final String[] ALL = java.util.Arrays.stream(Models.englishLemmas().getLemmatizerSequenceModel()
        .getOutcomes()).distinct().toArray(String[]::new);
  }

  /**
   * Every lemma {@link #lemmas} can give {@code token}, whatever sentence it stands in and whatever its tag: the
   * lower-case word and the lemma of each of the lemmatizer's classes. {@link LemmatizerME#lemmatize} picks one class
   * per token (a beam search over the sentence and its tags: only <i>which</i> class depends on the context) and then
   * decodes each token's lemma from the token and its class alone ({@link LemmatizerME#decodeLemmas}, called here the
   * same way); {@link #finish} is applied to both. A class whose script does not apply to the token (the decoder
   * throws) is skipped: had the lemmatizer picked it, {@link #lemmas} would have thrown too.
   */
  static java.util.Set<String> possibleLemmas(String token) {
    java.util.Set<String> out = new java.util.HashSet<>();
    out.add(token.toLowerCase(Locale.ROOT));
    String[] one = {token};
    for (String c : Classes.ALL) {
      String lemma;
      try {
        lemma = LemmatizerME.decodeLemmas(one, new String[] {c})[0];
      } catch (RuntimeException e) {
        continue;
      }
      out.add(finish(token, lemma));
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
