package org.opennessobservatory.speakers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Gender as a person declares it (registry) or as the transcript states it by a form of address. Never inferred
 * from a first name (DESIGN.md §6).
 */
public enum Gender {
  WOMAN, MAN, NON_BINARY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Gender> parse(String id) {
    return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
  }
}
