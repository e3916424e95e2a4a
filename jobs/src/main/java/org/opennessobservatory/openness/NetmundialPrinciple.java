package org.opennessobservatory.openness;

import java.util.Locale;

/**
 * The Internet-governance process principles of the NETmundial Multistakeholder Statement (São Paulo, 2014), section
 * "Internet governance process principles", which a criterion speaks to.
 */
public enum NetmundialPrinciple {
  MULTISTAKEHOLDER,
  OPEN_PARTICIPATIVE_CONSENSUS_DRIVEN,
  TRANSPARENT,
  ACCOUNTABLE,
  INCLUSIVE_EQUITABLE,
  DISTRIBUTED,
  COLLABORATIVE,
  ENABLING_MEANINGFUL_PARTICIPATION,
  ACCESS_AND_LOW_BARRIERS,
  AGILITY;

  /** The name in rubric files, e.g. {@code inclusive_equitable}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
