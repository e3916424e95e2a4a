package org.opennessobservatory.transcripts;

import java.util.Locale;

/** What a turn's speaker is there as (DESIGN.md §8). */
public enum Role {
  CHAIR, MODERATOR, PANELIST, HOST, SECRETARIAT, AUDIENCE, REMOTE, ORGANISATION, INTERPRETER, UNKNOWN;

  /** The value stored in the {@code utterances.role} column. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
