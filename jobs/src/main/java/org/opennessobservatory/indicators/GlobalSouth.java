package org.opennessobservatory.indicators;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which UN regional groups count as the Global South, and the Global South share of an amount by region.
 *
 * <p>The default is Africa, Asia-Pacific and Latin America and the Caribbean (GRULAC): the registry records a
 * speaker's UN regional group, not a development classification, and these three groups hold nearly all the G77.
 * The caveat: the Asia-Pacific group also holds high-income countries (Japan, the Republic of Korea, Singapore,
 * the Gulf states, Cyprus), so their speakers count as Global South here; Eastern Europe counts as North. A study
 * that needs another line passes its own set.
 */
public final class GlobalSouth implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The five UN regional groups, as ids in {@code speakers.un_region}. */
  public static final List<String> UN_REGIONS = List.of("africa", "asia_pacific", "eastern_europe", "grulac", "weog");
  /** Africa, Asia-Pacific and GRULAC. */
  public static final GlobalSouth DEFAULT = new GlobalSouth(Set.of("africa", "asia_pacific", "grulac"));

  private final Set<String> regions;

  /** @throws IllegalArgumentException if {@code regions} is empty or holds an id that is not a UN regional group */
  public GlobalSouth(Set<String> regions) {
    if (regions.isEmpty() || !UN_REGIONS.containsAll(regions)) {
      throw new IllegalArgumentException("Global South regions must be a non-empty subset of " + UN_REGIONS
          + ", got " + regions);
    }
    this.regions = Set.copyOf(regions);
  }

  public Set<String> regions() {
    return regions;
  }

  /** Whether a speaker of this UN region counts as Global South; an unknown (null) region does not. */
  public boolean includes(String unRegion) {
    return unRegion != null && regions.contains(unRegion);
  }

  /**
   * The Global South share of amounts by UN region (e.g. words), among those whose region is known: the caller
   * leaves speakers of unknown region out and reports that coverage beside the share. Empty when the amounts
   * total 0.
   *
   * @throws IllegalArgumentException if a key is not a UN region id, or an amount is negative
   */
  public OptionalDouble share(Map<String, ? extends Number> amountsByRegion) {
    // Summed in UN_REGIONS' fixed order: a Set's iteration order changes from one JVM to the next, and with it the
    // last bits of a floating-point sum, which would make two runs on the same input differ.
    return Shares.of(amountsByRegion, UN_REGIONS)
        .map(s -> OptionalDouble.of(UN_REGIONS.stream().filter(regions::contains).mapToDouble(s::get).sum()))
        .orElse(OptionalDouble.empty());
  }
}
