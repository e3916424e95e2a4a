package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A person's name reduced for comparison: accents folded, lower case, hyphens and dots as spaces, apostrophes
 * dropped ("Ana PETROVIĆ" and "ana petrovic" are one key; "Okonkwo-Hale" is "okonkwo hale"). The surname is the last
 * word; a first word of one letter is an initial ("D. Surname").
 */
public record NameKey(String key, List<String> words) implements Serializable {

  /** Nobiliary particles and connectives that are never a surname on their own. */
  private static final Set<String> PARTICLES = Set.of("de", "da", "del", "della", "do", "dos", "das", "van", "von",
      "der", "den", "la", "le", "di", "du", "y", "e", "bin", "ibn");

  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  public static NameKey of(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    List<String> words = folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    return new NameKey(folded, List.copyOf(words));
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  public String surname() {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  /** "L. Brenner", "L Brenner": an initial before the surname. */
  public boolean isInitialled() {
    return words.size() == 2 && words.get(0).length() == 1;
  }

  /** A given name (not an initial) and a surname: the only form that identifies a person by itself. */
  public boolean isFull() {
    return words.size() >= 2 && words.get(0).length() > 1 && !PARTICLES.contains(surname());
  }

  public char initial() {
    return words.isEmpty() ? ' ' : words.get(0).charAt(0);
  }

  /**
   * The blocking key: the Double Metaphone code of the surname, so that only names whose surnames sound alike are
   * ever compared — misspelt surnames ("Okonkow"/"Okonkwo") still meet, unrelated ones never cost a comparison.
   */
  public String block() {
    String code = METAPHONE.doubleMetaphone(surname());
    return code == null || code.isEmpty() ? surname() : code;
  }
}
