package org.opennessobservatory.indicators;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.Forums;
import org.opennessobservatory.io.CsvTable;
import org.opennessobservatory.speakers.UnRegions;

/**
 * Published presence figures ({@code registry/attendance.csv}, DESIGN.md §4): one figure per row, in the shape of
 * the IGF participation statistics, so that speaking shares can be set beside presence shares.
 */
public final class Attendance implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String PATH = "registry/attendance.csv";
  public static final List<String> COLUMNS = List.of("forum", "year", "population", "dimension", "category",
      "value", "unit", "source", "note");
  /**
   * Which population stands for "who was there", best first: registrants answer the registration form's questions
   * about everyone who signed up, participants are often an estimate, onsite leaves remote participants out.
   */
  public static final List<String> POPULATIONS = List.of("registrants", "participants", "onsite");

  /** One published figure. @param unit count | share */
  public record Figure(String forum, int year, String population, String dimension, String category, double value,
      String unit) implements Serializable {}

  /**
   * The shares of one dimension in one population ({@link #denominator}).
   *
   * @param shares per published category, {@link #PARTS} folded into their group, {@link #UNDECLARED} left out
   * @param covered the categories the breakdown speaks for: those published, the groups a merged category stands
   *     for (technical_academic: technical_community and academia), and every category read from the dimension when
   *     the breakdown is partial (its rest is unknown, so nothing is known to be left out)
   */
  public record Presence(String population, Map<String, Double> shares, Set<String> covered)
      implements Serializable {}

  /**
   * Published stakeholder-group categories that are parts of the seven groups: media counts as other, as the
   * taxonomy counts journalists who speak (reference/stakeholder-keywords.csv); technical_academic stands for two
   * groups together, so neither has a share of its own, but both are covered by the breakdown.
   */
  static final Map<String, List<String>> PARTS = Map.of(
      "media", List.of("other"),
      "technical_academic", List.of("technical_community", "academia"));

  /**
   * The category of those who gave no answer (no group declared, gender not stated): left out of the denominator,
   * as speaking shares leave out the words of unknown group or gender, so that both sides share a base.
   */
  static final String UNDECLARED = "unknown";

  /** Lower case, digits and underscores: age bands such as 18_24 are ids too. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]*");
  /** The categories the indicators read, per dimension: the presence shares' columns. */
  private static final String STAKEHOLDER_GROUP = "stakeholder_group";
  private static final Map<String, List<String>> READ = Map.of(
      STAKEHOLDER_GROUP, Tally.KNOWN_GROUPS,
      "gender", List.of(SessionIndicators.WOMAN));
  /** The ids a fault suggests, per dimension. */
  private static final Map<String, String> SUGGESTED = Map.of(
      "stakeholder_group", String.join(" | ", Tally.KNOWN_GROUPS),
      "gender", "woman | man | other",
      "region", String.join(" | ", UnRegions.IDS));

  private final List<Figure> figures;
  private final Map<String, Long> forumLines;

  private Attendance(List<Figure> figures, Map<String, Long> forumLines) {
    this.figures = figures;
    this.forumLines = forumLines;
  }

  public static Attendance empty() {
    return new Attendance(List.of(), Map.of());
  }

  /** Validates every row; a fault is a user error naming file, line and column. */
  public static Attendance of(CsvTable table) {
    List<Figure> figures = new ArrayList<>();
    Map<String, Long> lineOfKey = new HashMap<>();
    Map<String, String> unitOfDimension = new HashMap<>();
    Map<String, Long> firstLine = new HashMap<>();
    Map<String, Long> forumLines = new HashMap<>();
    for (CsvTable.Line line : table.lines()) {
      String where = table.where(line);
      // Forum ids are slugs in documents ("UK IGF" → uk-igf); published tables write "IGF".
      String forum = Forums.slug(required(line, "forum", where));
      forumLines.putIfAbsent(forum, line.number());
      int year = RegistryCells.year(line, where);
      // Figures are looked up by id (registrants, gender, civil_society, woman): "Civil society" would be read and
      // never found.
      String population = id(line, "population", where, "e.g. registrants, participants, onsite");
      String dimension = id(line, "dimension", where, "e.g. total, stakeholder_group, gender, region");
      String category = id(line, "category", where, SUGGESTED.getOrDefault(dimension, "e.g. all, first_time"));
      String unit = required(line, "unit", where);
      if (!unit.equals("count") && !unit.equals("share")) {
        throw new UserException(where + "unit '" + unit + "' is not one of count | share");
      }
      String valueCell = required(line, "value", where);
      double value;
      try {
        value = Double.parseDouble(valueCell);
      } catch (NumberFormatException e) {
        throw new UserException(where + "value '" + valueCell + "' is not a number");
      }
      if (!(value >= 0) || Double.isInfinite(value) || (unit.equals("share") && value > 1)) {
        throw new UserException(where + "value " + valueCell + " is out of range for unit " + unit
            + (unit.equals("share") ? " (a share is in [0, 1])" : " (a count is not negative)"));
      }
      String key = forum + "|" + year + "|" + population + "|" + dimension + "|" + category;
      Long earlier = lineOfKey.putIfAbsent(key, line.number());
      if (earlier != null) {
        throw new UserException(where + "a second figure for " + forum + " " + year + " " + population + " "
            + dimension + " " + category + " (first on line " + earlier + ")");
      }
      // Shares and counts of one dimension cannot be put over one denominator.
      String dimensionKey = forum + "|" + year + "|" + population + "|" + dimension;
      String otherUnit = unitOfDimension.putIfAbsent(dimensionKey, unit);
      if (otherUnit != null && !otherUnit.equals(unit)) {
        throw new UserException(where + "unit " + unit + " where earlier rows of " + forum + " " + year + " "
            + population + " " + dimension + " give " + otherUnit);
      }
      figures.add(new Figure(forum, year, population, dimension, category, value, unit));
      firstLine.putIfAbsent(dimensionKey, line.number());
    }
    checkReadCategories(figures, firstLine, table.source());
    return new Attendance(List.copyOf(figures), Map.copyOf(forumLines));
  }

  /**
   * A breakdown whose categories hold none of the ids read from it would leave its presence shares null without a
   * word: a gender breakdown needs a {@code woman} category (not female or women), a stakeholder-group breakdown at
   * least one of the seven groups. Other categories are welcome (published tables merge groups, as
   * technical_academic, or add media); they count in the denominator.
   */
  private static void checkReadCategories(List<Figure> figures, Map<String, Long> firstLine, String source) {
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (READ.containsKey(f.dimension())) {
        categories.computeIfAbsent(f.forum() + "|" + f.year() + "|" + f.population() + "|" + f.dimension(),
            k -> new ArrayList<>()).add(f.category());
      }
    }
    categories.forEach((key, found) -> {
      String dimension = key.substring(key.lastIndexOf('|') + 1);
      if (found.stream().noneMatch(READ.get(dimension)::contains)) {
        throw new UserException(source + " line " + firstLine.get(key) + ": the " + dimension + " figures of "
            + key.substring(0, key.lastIndexOf('|')).replace('|', ' ') + " have categories " + found
            + ", none of which the indicators read; write " + SUGGESTED.get(dimension));
      }
    });
  }

  private static String id(CsvTable.Line line, String column, String where, String examples) {
    String cell = required(line, column, where);
    if (!ID.matcher(cell).matches()) {
      throw new UserException(where + column + " '" + cell + "' is not an id: write it in lower case with "
          + "underscores (" + examples + ")");
    }
    return cell;
  }

  /** Each forum the table names (slugged), with the line it is first named on. */
  public Map<String, Long> forumLines() {
    return forumLines;
  }

  public List<Figure> figures() {
    return figures;
  }

  /**
   * The presence shares of {@code dimension} (stakeholder_group, gender, region …) in a forum-year, from the first
   * population of {@link #POPULATIONS} that publishes it (others after them, by name). Empty when no population
   * publishes the dimension or its values sum to 0.
   */
  public Optional<Presence> presence(String forum, int year, String dimension) {
    Map<String, Map<String, Double>> byPopulation = new LinkedHashMap<>();
    Map<String, String> unitOf = new HashMap<>();
    Map<String, Double> totalOf = new HashMap<>();
    for (Figure f : figures) {
      if (f.forum().equals(forum) && f.year() == year) {
        if (f.dimension().equals(dimension)) {
          byPopulation.computeIfAbsent(f.population(), k -> new LinkedHashMap<>()).put(f.category(), f.value());
          unitOf.put(f.population(), f.unit());
        } else if (f.dimension().equals("total") && f.category().equals("all") && f.unit().equals("count")) {
          totalOf.put(f.population(), f.value());
        }
      }
    }
    return byPopulation.keySet().stream()
        .sorted(Comparator.comparingInt((String p) -> POPULATIONS.contains(p) ? POPULATIONS.indexOf(p)
            : POPULATIONS.size()).thenComparing(Comparator.naturalOrder()))
        .findFirst().flatMap(population -> {
          Map<String, Double> values = byPopulation.get(population);
          String unit = unitOf.get(population);
          double sum = values.values().stream().mapToDouble(Double::doubleValue).sum();
          double declared = denominator(sum, unit, totalOf.get(population)) - values.getOrDefault(UNDECLARED, 0.0);
          if (declared <= 0) {
            return Optional.empty();
          }
          Map<String, Double> shares = new LinkedHashMap<>();
          Set<String> covered = new LinkedHashSet<>();
          values.forEach((category, value) -> {
            List<String> parts = dimension.equals(STAKEHOLDER_GROUP) ? PARTS.get(category) : null;
            if (category.equals(UNDECLARED)) {
              return;
            } else if (parts == null) {
              shares.merge(category, value / declared, Double::sum);
            } else if (parts.size() == 1) {
              shares.merge(parts.get(0), value / declared, Double::sum);
            }
            covered.addAll(parts == null ? List.of(category) : parts);
          });
          if (!whole(sum, unit, totalOf.get(population)) && READ.containsKey(dimension)) {
            covered.addAll(READ.get(dimension));
          }
          return Optional.of(new Presence(population, shares, covered));
        });
  }

  /**
   * Whether a breakdown's figures are its whole population: shares that sum to about 1, counts that the population's
   * published total (if any) does not exceed.
   */
  static boolean whole(double sum, String unit, Double total) {
    return unit.equals("share") ? Math.abs(sum - 1) <= ROUNDING : total == null || total <= sum;
  }

  /**
   * What a breakdown's values are divided by. Shares that sum to about 1 are a whole breakdown, rounded: divided by
   * their sum, they sum to 1 again. Shares that sum to less are part of one (IGF 2019 published three groups, 0.79 of
   * its registrants; IGF 2023 women alone): spread over the categories published they would grow, so they stay as
   * published. Counts are divided by the population's total count when it is published, else by their sum.
   */
  static double denominator(double sum, String unit, Double total) {
    if (unit.equals("share")) {
      return whole(sum, unit, total) ? sum : 1;
    }
    return total != null && total >= sum ? total : sum;
  }

  /** How far rounded shares of a whole breakdown may sum from 1 (seven shares to two decimals: 0.035 at most). */
  static final double ROUNDING = 0.05;

  private static String required(CsvTable.Line line, String column, String where) {
    return RegistryCells.required(line, column, where);
  }
}
