package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennessobservatory.io.CsvTable;

/** The UN regional group of each member state (reference/un-regional-groups.csv, sourced in reference/README.md). */
public final class UnRegions implements Serializable {
  public static final List<String> IDS = List.of("africa", "asia_pacific", "eastern_europe", "grulac", "weog");
  static final String RESOURCE = "/reference/un-regional-groups.csv";

  private final Map<String, String> byCountry;

  private UnRegions(Map<String, String> byCountry) {
    this.byCountry = byCountry;
  }

  public static UnRegions shipped() {
    CsvTable table = CsvTable.resource(RESOURCE, List.of("country_code", "un_region"));
    Map<String, String> byCountry = new HashMap<>();
    for (CsvTable.Line line : table.lines()) {
      String region = line.get("un_region");
      if (!IDS.contains(region)) {
        throw new IllegalStateException(table.where(line) + "unknown UN region " + region);
      }
      byCountry.put(line.get("country_code"), region);
    }
    return new UnRegions(Map.copyOf(byCountry));
  }

  public Optional<String> regionOf(String countryCode) {
    return Optional.ofNullable(byCountry.get(countryCode));
  }
}
