package org.opennessobservatory.privacy;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces every occurrence of known names in a text by the pseudonym of their person: whole words only, in any
 * case (transcript labels are in capitals), across any run of spaces or a line break between the words of a name,
 * and with any hyphen between its parts. The longest name wins where names overlap ("Lukas Brenner" before
 * "Brenner"), so a full name is replaced as a whole. Then the end of a name after a form of address or a title
 * ("Ms. Petrović", "Mr Tanaka", "Minister van der Berg" for the names "Ana Petrović", "Hiroshi Tanaka", "Jan van der
 * Berg"): speakers introduced by their full name are called to the floor by their surname, which would identify
 * them as well. The title stays, since gender is kept in a release anyway (from the registry or forms of address).
 */
public final class NameReplacer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String HYPHENS = "[-\u2010\u2011\u2012\u2013]";
  /** White space, with the no-break spaces word processors put after a title or inside a name. */
  private static final String SPACE = "[\\s\u00a0\u202f]";

  /** Forms of address and titles a surname follows; each may end with a full stop. */
  private static final List<String> TITLES = List.of("Mr", "Mister", "Ms", "Mrs", "Miss", "Mx", "Madam", "Madame",
      "Mme", "Sir", "Dame", "Dr", "Doctor", "Prof", "Professor", "Excellency", "Ambassador", "Minister", "President",
      "Commissioner", "Senator", "Judge", "Chair", "Chairman", "Chairwoman", "Chairperson");

  private final Pattern names;
  private final Map<String, String> pseudonymByKey;
  /** A title, then the end of a name (group "end"): the last words of a name of two words or more. */
  private final Pattern endsAfterTitle;
  private final Map<String, String> pseudonymByEnd;

  /** @param pseudonymByName a pseudonym for every name form (a name given twice keeps one pseudonym, say which). */
  public NameReplacer(Map<String, String> pseudonymByName) {
    this.pseudonymByKey = new HashMap<>();
    pseudonymByName.forEach((name, pseudonym) -> {
      String key = key(name);
      if (!key.isEmpty()) {
        pseudonymByKey.putIfAbsent(key, pseudonym); // in the order given: a shared name is the first person's
      }
    });
    String alternatives = pseudonymByKey.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(NameReplacer::pattern).collect(Collectors.joining("|"));
    this.names = alternatives.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives
        + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // In the order given: where two persons' names end alike, the first's pseudonym, as for a shared name.
    this.pseudonymByEnd = new LinkedHashMap<>();
    pseudonymByName.forEach((name, pseudonym) -> {
      String[] words = key(name).split(" ");
      for (int i = 1; i < words.length; i++) {
        pseudonymByEnd.putIfAbsent(String.join(" ", Arrays.copyOfRange(words, i, words.length)), pseudonym);
      }
    });
    String ends = pseudonymByEnd.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(NameReplacer::pattern).collect(Collectors.joining("|"));
    this.endsAfterTitle = ends.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
        + String.join("|", TITLES) + ")\\.?" + SPACE + "+(?<end>" + ends + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  public String replace(String text) {
    if (text == null || names == null) {
      return text;
    }
    Matcher m = names.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(pseudonymByKey.get(key(m.group()))));
    }
    m.appendTail(out);
    if (endsAfterTitle == null) {
      return out.toString();
    }
    String named = out.toString();
    Matcher t = endsAfterTitle.matcher(named);
    StringBuilder titled = new StringBuilder(named.length());
    int last = 0;
    while (t.find()) {
      titled.append(named, last, t.start("end")).append(pseudonymByEnd.get(key(t.group("end"))));
      last = t.end();
    }
    return titled.append(named, last, named.length()).toString();
  }

  /** One form per name: case folded, one space between words, one hyphen between parts. */
  static String key(String name) {
    // Folded as the pattern's Unicode case-insensitive matching compares letters ("Yıldız" matches "YILDIZ" and
    // "Yildiz"), so that a matched text always finds its name's entry.
    String spaced = name.strip().replaceAll(SPACE + "+", " ").replaceAll(HYPHENS, "-");
    StringBuilder folded = new StringBuilder(spaced.length());
    spaced.codePoints().forEach(c -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return folded.toString();
  }

  private static String pattern(String key) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      p.append(c == ' ' ? SPACE + "+" : c == '-' ? HYPHENS : Pattern.quote(String.valueOf(c)));
    }
    return p.toString();
  }
}
