package org.opennessobservatory.privacy;

import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces every occurrence of known names in a text by the pseudonym of their person: whole words only, in any
 * case (transcript labels are in capitals), across any run of spaces or a line break between the words of a name,
 * and with any hyphen between its parts. The longest name wins where names overlap ("Lukas Brenner" before
 * "Brenner"), so a full name is replaced as a whole.
 */
public final class NameReplacer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String HYPHENS = "[-\u2010\u2011\u2012\u2013]";

  private final Pattern names;
  private final Map<String, String> pseudonymByKey;

  /** @param pseudonymByName a pseudonym for every name form (a name given twice keeps one pseudonym, say which). */
  public NameReplacer(Map<String, String> pseudonymByName) {
    this.pseudonymByKey = new HashMap<>();
    pseudonymByName.forEach((name, pseudonym) -> {
      String key = key(name);
      if (!key.isEmpty()) {
        pseudonymByKey.put(key, pseudonym);
      }
    });
    String alternatives = pseudonymByKey.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(NameReplacer::pattern).collect(Collectors.joining("|"));
    this.names = alternatives.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives
        + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
    return out.toString();
  }

  /** One form per name: lower case, one space between words, one hyphen between parts. */
  static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").replaceAll(HYPHENS, "-").toLowerCase(Locale.ROOT);
  }

  private static String pattern(String key) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      p.append(c == ' ' ? "\\s+" : c == '-' ? HYPHENS : Pattern.quote(String.valueOf(c)));
    }
    return p.toString();
  }
}
