package org.opennessobservatory.indicators;

import java.util.Locale;

/** What a dissent marker records (the {@code kind} column of reference/dissent-lexicon.csv). */
public enum DissentKind {
  /** Disagreement with a view or an argument: "I disagree", "I beg to differ". */
  DISAGREEMENT,
  /** Formal opposition to a decision, a text or the procedure: "we object", "point of order". */
  OBJECTION,
  /** Qualified acceptance, concerns put on record: "our reservations", "we have concerns". */
  RESERVATION;

  /** The value in the lexicon's {@code kind} column. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
