package org.opennessobservatory.speakers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stakeholder taxonomy (DESIGN.md §8); {@code UNKNOWN} when no source tells. */
public enum StakeholderGroup {
  GOVERNMENT, CIVIL_SOCIETY, PRIVATE_SECTOR, TECHNICAL_COMMUNITY, ACADEMIA, INTERGOVERNMENTAL, OTHER, UNKNOWN;

  /** The value stored in {@code stakeholder_group} columns. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A group named in an input file; {@code unknown} is not a value anyone declares. */
  public static Optional<StakeholderGroup> parse(String id) {
    return Arrays.stream(values()).filter(g -> g != UNKNOWN && g.id().equals(id)).findFirst();
  }

  public static String allowed() {
    return String.join(" | ", Arrays.stream(values()).filter(g -> g != UNKNOWN).map(StakeholderGroup::id).toList());
  }
}
