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
 * word; words of one letter before it are initials ("D. Surname", "J. M. Surname").
 *
 * @param givenName whether the name as written opens with a given name: a first word (as separated by spaces) of
 *     more than one letter that is not a particle, before at least one more. "Al-Sayed", "Okonkwo-Hale", "De Souza"
 *     and "Van der Berg" are surnames alone, though their keys have two or three words.
 */
public record NameKey(String key, List<String> words, boolean givenName) implements Serializable {

  /** Nobiliary particles and connectives that are never a surname on their own. */
  private static final Set<String> PARTICLES = Set.of("de", "da", "del", "della", "do", "dos", "das", "van", "von",
      "der", "den", "la", "le", "di", "du", "y", "e", "bin", "ibn");

  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  public static NameKey of(String name) {
    String folded = fold(name);
    List<String> words = folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    String[] written = name.strip().split("[\\s\\p{Z}]+");
    String first = fold(written[0]);
    boolean given = written.length >= 2 && first.length() > 1 && !PARTICLES.contains(first);
    return new NameKey(folded, List.copyOf(words), given);
  }

  private static String fold(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "")
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  public String surname() {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  /** "L. Brenner", "L Brenner", "J. M. Smith": initials before the surname. */
  public boolean isInitialled() {
    return words.size() >= 2 && words.subList(0, words.size() - 1).stream().allMatch(w -> w.length() == 1);
  }

  /** A given name (not an initial) and a surname: the only form that identifies a person by itself. */
  public boolean isFull() {
    return givenName && words.size() >= 2 && !PARTICLES.contains(surname());
  }

  /** The words after the initials ("al sayed" of "Al-Sayed", "smith" of "J. M. Smith"): the surname as written. */
  public List<String> surnameWords() {
    int i = 0;
    while (i < words.size() - 1 && words.get(i).length() == 1) {
      i++;
    }
    return words.subList(i, words.size());
  }

  /** Whether this name ends with the words of {@code surname} ("Fatima Al-Sayed" ends with "al sayed"). */
  public boolean endsWith(List<String> surname) {
    return !surname.isEmpty() && words.size() >= surname.size()
        && words.subList(words.size() - surname.size(), words.size()).equals(surname);
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
