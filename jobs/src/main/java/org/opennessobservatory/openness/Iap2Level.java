package org.opennessobservatory.openness;

import java.util.Locale;

/**
 * The level of the IAP2 Spectrum of Public Participation that a criterion gives evidence of, from the public being
 * informed to the public deciding.
 */
public enum Iap2Level {
  INFORM,
  CONSULT,
  INVOLVE,
  COLLABORATE,
  EMPOWER;

  /** The name in rubric files, e.g. {@code involve}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
