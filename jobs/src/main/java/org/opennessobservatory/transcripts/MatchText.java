package org.opennessobservatory.transcripts;

/**
 * A copy of a transcript's text for pattern matching, of the same length so that every offset found in it is an
 * offset in the original: non-breaking and typographic hyphens become '-', curly quotes straight ones, no-break
 * spaces, tabs and carriage returns plain spaces. The original text, and the labels cut from it, are kept as they were.
 */
final class MatchText {
  private MatchText() {}

  static String of(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = switch (chars[i]) {
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> '-';
        case '\u2018', '\u2019', '\u02bc' -> '\'';
        case '\u201c', '\u201d' -> '"';
        case '\u00a0', '\u2007', '\u202f', '\t' -> ' ';
        case '\r' -> ' ';
        default -> chars[i];
      };
    }
    return new String(chars);
  }
}
