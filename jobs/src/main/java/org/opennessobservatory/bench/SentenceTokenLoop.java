package org.opennessobservatory.bench;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.opennessobservatory.nlp.Models;

/**
 * The NLP half of every baseline: OpenNLP's English sentence detector, then the model tokenizer on each sentence,
 * counted. One instance per pass and thread (the {@code *ME} classes are not thread-safe); made inside the timed
 * pass, as the loop's author would, while the models themselves are loaded once per JVM.
 */
final class SentenceTokenLoop {
  private final SentenceDetectorME sentences = new SentenceDetectorME(Models.englishSentences());
  private final TokenizerME tokenizer = new TokenizerME(Models.englishTokens());
  private long sentenceCount;
  private long tokenCount;
  private long nanos;

  /** Adds the text's sentences and tokens to the counts. */
  void add(String text) {
    long t0 = System.nanoTime();
    for (String sentence : sentences.sentDetect(text)) {
      sentenceCount++;
      tokenCount += tokenizer.tokenize(sentence).length;
    }
    nanos += System.nanoTime() - t0;
  }

  long sentences() {
    return sentenceCount;
  }

  long tokens() {
    return tokenCount;
  }

  /** Time spent in {@link #add}. */
  double seconds() {
    return nanos / 1e9;
  }
}
