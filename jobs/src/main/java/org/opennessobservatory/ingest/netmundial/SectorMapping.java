package org.opennessobservatory.ingest.netmundial;

import java.util.Locale;
import java.util.Map;

/** Maps a NETmundial cover sheet's raw {@code Sector:} value to a stakeholder group id of our taxonomy. */
public final class SectorMapping {
  private SectorMapping() {}

  /** The group for a sector we cannot map; the importer counts these so that the figures can be trusted. */
  public static final String UNKNOWN = "unknown";

  /** Keys are normalised labels (lower case, single spaces): the six sectors the NETmundial form offered. */
  private static final Map<String, String> GROUPS = Map.of(
      "civil society", "civil_society",
      "government", "government",
      "private sector", "private_sector",
      "technical community", "technical_community",
      "academia", "academia",
      "other", "other");

  /** Case, spacing, hyphens and underscores are ignored; null, blank or unlisted gives {@link #UNKNOWN}. */
  public static String groupOf(String rawSector) {
    if (rawSector == null) {
      return UNKNOWN;
    }
    String key = rawSector.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").strip();
    return GROUPS.getOrDefault(key, UNKNOWN);
  }
}
