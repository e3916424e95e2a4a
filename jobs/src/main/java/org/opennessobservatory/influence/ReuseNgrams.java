package org.opennessobservatory.influence;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and word n-grams of the text-reuse machinery (stages influence and links): a text's words, normalised
 * (lower case, accents folded, punctuation dropped), and its word n-grams with their character offsets in the original
 * text. The n-grams are the keys of the inverted index; the words are what {@link Alignment} extends and scores.
 *
 * <p>A word is a maximal run of letters, digits and combining marks; everything else (spaces, punctuation, symbols,
 * apostrophes, hyphens) separates words, so "multi-stakeholder" is two words and "don't" is "don" + "t" — on both
 * sides of a comparison alike. A word is normalised by Unicode NFD decomposition, removal of combining marks and
 * lower-casing (Locale.ROOT): "Petrović" → "petrovic".
 */
public final class ReuseNgrams {
  private ReuseNgrams() {}

  /** A word: its normalised form and its place in the text, {@code [start, end)} in UTF-16 chars (String index). */
  public record Word(String norm, int start, int end) implements Serializable {}

  /**
   * An n-gram: its words joined by single spaces, the index of its first word, and its character span in the text
   * ({@code start} of the first word, {@code end} of the last, end exclusive).
   */
  public record Ngram(String key, int index, int start, int end) implements Serializable {}

  public static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    int i = 0;
    int length = text.length();
    while (i < length) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      int start = i;
      while (i < length && isWordChar(text.codePointAt(i))) {
        i += Character.charCount(text.codePointAt(i));
      }
      String norm = normalise(text.substring(start, i));
      if (!norm.isEmpty()) {
        words.add(new Word(norm, start, i));
      }
    }
    return words;
  }

  /** Lower case, accents folded: NFD, combining marks removed, lower-cased. */
  public static String normalise(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK
            && Character.getType(c) != Character.ENCLOSING_MARK && Character.getType(c) != Character.COMBINING_SPACING_MARK)
        .forEach(b::appendCodePoint);
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** Every n-gram of {@code n} consecutive words, in order; none when the text has fewer than n words. */
  public static List<Ngram> ngrams(String text, int n) {
    List<Word> words = words(text);
    List<Ngram> out = new ArrayList<>(Math.max(0, words.size() - n + 1));
    for (int i = 0; i + n <= words.size(); i++) {
      StringBuilder key = new StringBuilder();
      for (int k = i; k < i + n; k++) {
        if (k > i) {
          key.append(' ');
        }
        key.append(words.get(k).norm());
      }
      out.add(new Ngram(key.toString(), i, words.get(i).start(), words.get(i + n - 1).end()));
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }
}
