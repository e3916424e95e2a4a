package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/**
 * Known persons ({@code registry/people.csv}, DESIGN.md §4), looked up by the key of their name or of any alias.
 * Small enough to broadcast: a registry lists people, not utterances.
 */
public final class Registry implements Serializable {
  public static final String PATH = "registry/people.csv";
  public static final List<String> COLUMNS = List.of("name", "aliases", "organisation", "stakeholder_group",
      "gender", "country", "region", "valid_from", "valid_to", "source");
  /** ISO 3166-1 alpha-2, as Java knows it: "UK" has the shape of a code but is none. */
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  /** Rows of each person, by the key of the person's name, earliest period first. */
  private final Map<String, List<RegistryEntry>> byPerson;
  /** Person key by the key of every name and alias. */
  private final Map<String, String> byName;

  private Registry(Map<String, List<RegistryEntry>> byPerson, Map<String, String> byName) {
    this.byPerson = byPerson;
    this.byName = byName;
  }

  public static Registry empty() {
    return new Registry(Map.of(), Map.of());
  }

  /** Validates every row; a fault is a user error naming file, line and column. */
  public static Registry of(CsvTable table, UnRegions regions) {
    Map<String, List<RegistryEntry>> byPerson = new LinkedHashMap<>();
    Map<String, String> byName = new HashMap<>();
    Map<String, Long> lineOfName = new HashMap<>();
    for (CsvTable.Line line : table.lines()) {
      String where = table.where(line);
      RegistryEntry e = entry(line, where, regions);
      String person = NameKey.of(e.name()).key();
      byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(e);
      List<String> names = new ArrayList<>(e.aliases());
      names.add(e.name());
      for (String n : names) {
        String key = NameKey.of(n).key();
        String other = byName.putIfAbsent(key, person);
        if (other != null && !other.equals(person)) {
          throw new UserException(where + "name or alias '" + n + "' already belongs to another person (line "
              + lineOfName.get(key) + ")");
        }
        lineOfName.putIfAbsent(key, line.number());
      }
    }
    byPerson.values().forEach(rows -> {
      rows.sort(Comparator.comparing(RegistryEntry::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
      checkNoOverlap(table.source(), rows);
    });
    return new Registry(Map.copyOf(byPerson), Map.copyOf(byName));
  }

  /** The person key a name or alias belongs to. */
  public Optional<String> personOf(NameKey name) {
    return Optional.ofNullable(byName.get(name.key()));
  }

  /** The person's canonical name (from the latest row). */
  public String nameOf(String person) {
    List<String> names = byPerson.get(person).stream().map(RegistryEntry::name).toList();
    return names.get(names.size() - 1);
  }

  /**
   * The row that holds in {@code year}, if any: a row without dates holds in every year, also in an unknown one (null).
   * A person's stakeholder group comes from this row only: another year's row would be a guess (a minister's later
   * post says nothing of what they were before).
   */
  public Optional<RegistryEntry> holding(String person, Integer year) {
    return byPerson.get(person).stream().filter(r -> year == null ? r.validFrom() == null && r.validTo() == null
        : r.holdsIn(year)).findFirst();
  }

  /**
   * The row that holds in {@code year}, else the person's nearest row in time: for what a person declares of
   * themself (gender, country), which no year's row contradicts.
   */
  public RegistryEntry at(String person, int year) {
    List<RegistryEntry> rows = byPerson.get(person);
    return rows.stream().filter(r -> r.holdsIn(year)).findFirst().orElseGet(() -> rows.stream()
        .min(Comparator.comparingInt(r -> distance(r, year))).orElseThrow());
  }

  /** Every registered person's key with its names and aliases, for blocking. */
  public Map<String, List<String>> namesByPerson() {
    Map<String, List<String>> names = new HashMap<>();
    byName.forEach((name, person) -> names.computeIfAbsent(person, k -> new ArrayList<>()).add(name));
    return names;
  }

  /** Every registered person's key with their rows, names and aliases as written (pseudonymisation needs them). */
  public Map<String, List<RegistryEntry>> rowsByPerson() {
    return byPerson;
  }

  /** Every organisation the registry gives the person, over all periods. */
  public List<String> organisationsOf(String person) {
    return byPerson.get(person).stream().map(RegistryEntry::organisation).filter(o -> o != null).toList();
  }

  public int size() {
    return byPerson.size();
  }

  private static int distance(RegistryEntry r, int year) {
    if (r.validFrom() != null && year < r.validFrom().getYear()) {
      return r.validFrom().getYear() - year;
    }
    return r.validTo() == null ? 0 : year - r.validTo().getYear();
  }

  private static RegistryEntry entry(CsvTable.Line line, String where, UnRegions regions) {
    String name = line.get("name");
    if (name == null || NameKey.of(name).isEmpty()) {
      throw new UserException(where + "the name cell is empty");
    }
    List<String> aliases = new ArrayList<>();
    if (line.get("aliases") != null) {
      for (String a : line.get("aliases").split("\\|")) {
        if (!a.isBlank()) {
          aliases.add(a.strip());
        }
      }
    }
    String groupCell = line.get("stakeholder_group");
    StakeholderGroup group = groupCell == null ? null : StakeholderGroup.parse(groupCell).orElseThrow(() ->
        new UserException(where + "stakeholder_group '" + groupCell + "' is not one of " + StakeholderGroup.allowed()));
    String genderCell = line.get("gender");
    Gender gender = genderCell == null ? null : Gender.parse(genderCell).orElseThrow(() ->
        new UserException(where + "gender '" + genderCell + "' is not one of woman | man | non_binary (leave it "
            + "empty when the person has not declared it)"));
    String country = line.get("country");
    if (country != null && !ISO_COUNTRIES.contains(country)) {
      // "UK" has the shape of a code but is none: its persons' region would be silently unknown.
      throw new UserException(where + "country '" + country + "' is not an ISO 3166-1 alpha-2 code (e.g. KE; the "
          + "United Kingdom is GB)");
    }
    String region = line.get("region");
    if (region != null && !UnRegions.IDS.contains(region)) {
      throw new UserException(where + "region '" + region + "' is not one of " + String.join(" | ", UnRegions.IDS));
    }
    if (region == null && country != null) {
      region = regions.regionOf(country).orElse(null); // a territory in no UN group (TW, XK …) has none
    }
    LocalDate from = date(line, "valid_from", where);
    LocalDate to = date(line, "valid_to", where);
    if (from != null && to != null && to.isBefore(from)) {
      throw new UserException(where + "valid_to " + to + " is before valid_from " + from);
    }
    return new RegistryEntry(name, List.copyOf(aliases), line.get("organisation"), group, gender, country, region,
        from, to, line.get("source"));
  }

  private static LocalDate date(CsvTable.Line line, String column, String where) {
    String cell = line.get(column);
    try {
      return cell == null ? null : LocalDate.parse(cell);
    } catch (DateTimeParseException e) {
      throw new UserException(where + column + " '" + cell + "' is not a date as YYYY-MM-DD");
    }
  }

  private static void checkNoOverlap(String source, List<RegistryEntry> rows) {
    for (int i = 1; i < rows.size(); i++) {
      RegistryEntry a = rows.get(i - 1);
      RegistryEntry b = rows.get(i);
      if (a.validTo() == null || b.validFrom() == null || !b.validFrom().isAfter(a.validTo())) {
        throw new UserException(source + ": the rows of '" + b.name() + "' overlap in time; give each row "
            + "valid_from/valid_to so that one row holds at a time");
      }
    }
  }
}
