package org.opennessobservatory.influence;

import java.time.LocalDate;

/**
 * Which contributions may have influenced an outcome: only those made public before it.
 *
 * <p>A document's day is {@code published_on}, else {@code date}. When the contribution and the outcome both have a
 * day, the contribution counts when its day is strictly before the outcome's (published the same day: not counted).
 * When either has no day, the rule falls back on years: the contribution counts when its year is not after the
 * outcome's, and the pair is flagged (basis {@code year}); both years unknown: not counted.
 */
public final class DateRule {
  private DateRule() {}

  public static final String DAY = "day";
  public static final String YEAR = "year";

  /** The basis of the decision: {@link #DAY}, {@link #YEAR}, or null when the contribution does not count. */
  public static String basis(LocalDate contributionDay, Integer contributionYear, LocalDate outcomeDay,
      Integer outcomeYear) {
    if (contributionDay != null && outcomeDay != null) {
      return contributionDay.isBefore(outcomeDay) ? DAY : null;
    }
    if (contributionYear != null && outcomeYear != null) {
      return contributionYear <= outcomeYear ? YEAR : null;
    }
    return null;
  }
}
