package org.opennessobservatory.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * {@link TokenizerME#tokenize} with the same tokens, faster on running text. Not thread-safe: one per thread.
 *
 * <p>TokenizerME (OpenNLP 2.5, {@code tokenizePos}) cuts the text at white space, then splits each piece on its own:
 * a piece is kept whole when shorter than two characters or, with the alphanumeric optimisation, of letters and
 * digits only; otherwise the model is evaluated at each of its inner positions, on a context built from the piece
 * and the position alone, and the abbreviation dictionary is asked about the piece. So a piece's tokens depend on the
 * piece and nothing else, and the same pieces recur all the time in speech ("rights,", "IGF.", "don't"): this class
 * cuts at white space the way TokenizerME does ({@link WhitespaceTokenizer}, new lines not kept), keeps whole the
 * pieces TokenizerME keeps whole without the model, hands each other piece it has not met to TokenizerME, and
 * remembers the answer. {@code FastModelsTest} compares its tokens with TokenizerME's on every sentence of the sample
 * transcripts and of a generated corpus, {@code CachingTokenizerTest} on hard cases.
 */
final class CachingTokenizer {
  /** Distinct pieces remembered before the memory starts over (a piece and its tokens: about a hundred bytes). */
  static final int CACHE_ENTRIES = 100_000;

  private final TokenizerME tokenizer;
  /**
   * Recognises the pieces of letters and digits, when the model keeps them whole (its alphanumeric optimisation); else
   * null. One matcher reset for each piece: a new matcher per piece took 7 % of stage issues' matching time.
   */
  private final Matcher alphanumeric;
  private final Map<String, String[]> pieces = new HashMap<>();

  CachingTokenizer(TokenizerModel model) {
    tokenizer = new TokenizerME(model);
    alphanumeric = model.getFactory().isUseAlphaNumericOptimization()
        ? model.getFactory().getAlphaNumericPattern().matcher("") : null;
  }

  String[] tokenize(String text) {
    // As TokenizerME sets it before each use of this shared instance.
    WhitespaceTokenizer.INSTANCE.setKeepNewLines(false);
    Span[] spans = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
    List<String> out = new ArrayList<>(spans.length + spans.length / 4);
    for (Span s : spans) {
      String piece = text.substring(s.getStart(), s.getEnd());
      if (piece.length() < 2 || (alphanumeric != null && alphanumeric.reset(piece).matches())) {
        out.add(piece);
        continue;
      }
      String[] tokens = pieces.get(piece);
      if (tokens == null) {
        tokens = tokenizer.tokenize(piece);
        if (pieces.size() >= CACHE_ENTRIES) {
          pieces.clear();
        }
        pieces.put(piece, tokens);
      }
      for (String t : tokens) {
        out.add(t);
      }
    }
    return out.toArray(String[]::new);
  }
}
