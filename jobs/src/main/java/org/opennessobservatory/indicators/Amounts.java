package org.opennessobservatory.indicators;

/**
 * The one check every indicator makes on its input: amounts (words, turns, speakers) are finite and non-negative.
 * A negative or NaN amount is a bug upstream, and an indicator computed over it would look plausible, so it fails.
 */
final class Amounts {
  private Amounts() {}

  /** The sum of the amounts, after checking each one. */
  static double total(double[] amounts) {
    double total = 0;
    for (int i = 0; i < amounts.length; i++) {
      double amount = amounts[i];
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException(
            "amount " + amount + " at index " + i + ": amounts must be finite and non-negative");
      }
      total += amount;
    }
    return total;
  }
}
