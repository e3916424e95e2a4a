package org.opennessobservatory.openness;

import java.util.Locale;

/**
 * The five principles of openness named in the civil-society notes that asked for this observatory. A rubric weighs
 * some or all of them; its criteria say how each is measured.
 */
public enum Principle {
  /** Who can take part and take the floor: the public, remote participants, newcomers, written contributors. */
  PARTICIPATION,
  /** Whether the record and the outputs are public, attributed, timely, and show disagreement. */
  ACCOUNTABILITY_TRANSPARENCY,
  /** Changing power imbalances: whether voice is concentrated in a few speakers or groups. */
  POWER_IMBALANCES,
  /** Whether the rules of the game were public in advance and the chair facilitated rather than held the floor. */
  PROCEDURAL_FAIRNESS,
  /** Whose voices are heard: gender, region, stakeholder group. */
  DIVERSITY;

  /** The name in rubric files and output columns, e.g. {@code power_imbalances}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
