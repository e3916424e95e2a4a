package org.opennessobservatory.indicators;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amounts per category (words by stakeholder group, by UN region) turned into shares that sum to 1, over a fixed,
 * ordered list of categories: a category that did not speak has share 0 rather than no entry, so every session
 * has the same columns and the entropy knows the taxonomy's size.
 */
public final class Shares {
  private final List<String> categories;
  private final double[] values;

  private Shares(List<String> categories, double[] values) {
    this.categories = categories;
    this.values = values;
  }

  /**
   * The shares of {@code amounts} over {@code categories}, in that order; empty when the amounts total 0 (nothing
   * to share out: undefined, not all-zero). Categories missing from the map have amount 0.
   *
   * @throws IllegalArgumentException if the categories are empty or repeat one, if a key of {@code amounts} is not
   *     one of them (a misspelt group would otherwise vanish from the denominator), or an amount is null, negative
   *     or not finite
   */
  public static Optional<Shares> of(Map<String, ? extends Number> amounts, List<String> categories) {
    if (categories.isEmpty() || new HashSet<>(categories).size() != categories.size()) {
      throw new IllegalArgumentException("categories must be non-empty and distinct: " + categories);
    }
    double[] values = new double[categories.size()];
    Map<String, Integer> index = indexOf(categories);
    for (Map.Entry<String, ? extends Number> entry : amounts.entrySet()) {
      Integer i = index.get(entry.getKey());
      if (i == null) {
        throw new IllegalArgumentException("'" + entry.getKey() + "' is not one of the categories " + categories);
      }
      if (entry.getValue() == null) {
        throw new IllegalArgumentException("no amount for '" + entry.getKey() + "'");
      }
      values[i] = entry.getValue().doubleValue();
    }
    double total = Amounts.total(values);
    if (total == 0) {
      return Optional.empty();
    }
    for (int i = 0; i < values.length; i++) {
      values[i] /= total;
    }
    return Optional.of(new Shares(List.copyOf(categories), values));
  }

  /** The taxonomy the shares are over, in column order. */
  public List<String> categories() {
    return categories;
  }

  /** The shares in the order of {@link #categories()}, a copy. */
  public double[] values() {
    return values.clone();
  }

  /** The share of one category of the taxonomy. */
  public double get(String category) {
    int i = categories.indexOf(category);
    if (i < 0) {
      throw new IllegalArgumentException("'" + category + "' is not one of the categories " + categories);
    }
    return values[i];
  }

  private static Map<String, Integer> indexOf(List<String> categories) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      index.put(categories.get(i), i);
    }
    return index;
  }
}
