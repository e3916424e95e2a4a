package org.opennessobservatory.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words for retrieval: lower-cased runs of letters and digits (apostrophes dropped), and a light stem that folds
 * plurals ("hubs" → "hub", "policies" → "policy") so that a registry term meets its plural in a passage.
 */
final class Text {
  private Text() {}

  static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "by",
      "with", "at", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
      "those", "their", "there", "which", "who", "will", "has", "have", "had", "not", "but", "all", "our", "we");

  /** Lower-cased words in order, unstemmed (for cue and phrase matching, which stem both sides the same way). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        w.append(c);
      } else if (c == '\'' || c == '\u2019') {
        continue;
      } else if (w.length() > 0) {
        out.add(stem(w.toString()));
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      out.add(stem(w.toString()));
    }
    return out;
  }

  /** Plural folding only: "ies" → "y", a final "s" (not "ss", "us", "is") dropped from words of 4+ letters. */
  static String stem(String w) {
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Content words: {@link #words} without stop words. */
  static List<String> terms(String text) {
    return words(text).stream().filter(t -> !STOPWORDS.contains(t)).toList();
  }

  /** Where {@code needle} first occurs as consecutive words of {@code hay}, or -1. */
  static int indexOf(List<String> hay, List<String> needle) {
    outer:
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (!hay.get(i + j).equals(needle.get(j))) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
