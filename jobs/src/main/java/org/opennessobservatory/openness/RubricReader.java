package org.opennessobservatory.openness;

import static org.opennessobservatory.io.YamlEntries.entries;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.YamlEntries.Entry;

/**
 * Reads a rubric file and checks it completely before anything is scored: a rubric that reads an unknown indicator,
 * has a bad rule or weights that do not add up would otherwise give plausible-looking but wrong scores. Every fault
 * is one line naming the file, the line of the entry, the criterion and what to fix.
 */
final class RubricReader {
  /** Weights must sum to 1 within this margin, which leaves room for decimal fractions such as 0.15 + 0.85. */
  private static final double WEIGHT_TOLERANCE = 1e-6;

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Set<String> TOP_KEYS = Set.of("version", "principles", "criteria");
  private static final Set<String> PRINCIPLE_KEYS = Set.of("id", "weight");
  private static final Set<String> CRITERION_KEYS = Set.of("id", "principle", "label", "rationale", "indicators",
      "combine", "rule", "weight", "netmundial_principles", "iap2_level");
  private static final Map<String, Set<String>> RULE_KEYS = Map.of(
      "threshold", Set.of("type", "at_least", "at_most"),
      "linear", Set.of("type", "zero", "full"),
      "categorical", Set.of("type", "scores"));

  private final String source;
  private final Set<String> knownIndicators;

  RubricReader(String source, Set<String> knownIndicators) {
    this.source = source;
    this.knownIndicators = Set.copyOf(knownIndicators);
  }

  /** A mapping of the file and the line it starts on. */
  Rubric read(Reader reader) {
    JsonNode version = null;
    List<Entry> principles = null;
    List<Entry> criteria = null;
    try (JsonParser p = YAML.createParser(reader)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UserException(source + ": not a rubric: expected a mapping with keys " + sorted(TOP_KEYS));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        p.nextToken();
        switch (key) {
          case "version" -> version = p.readValueAsTree();
          case "principles" -> principles = entries(source, key, p);
          case "criteria" -> criteria = entries(source, key, p);
          default -> throw new UserException(source + " line " + line + ": unknown key '" + key + "' (known: "
              + sorted(TOP_KEYS) + ")");
        }
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? source : source + " line " + e.getLocation().getLineNr();
      throw new UserException(where + ": not valid YAML ("
          + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    } catch (IOException e) {
      throw new UserException(source + ": cannot be read (" + e.getMessage() + ")");
    }
    if (version == null || !version.isTextual() || version.asText().isBlank()) {
      throw new UserException(source + ": 'version' must be a quoted text such as \"2026.1\"");
    }
    if (principles == null || criteria == null) {
      throw new UserException(source + ": no '" + (principles == null ? "principles" : "criteria") + "' list");
    }
    Map<Principle, Double> weights = principleWeights(principles);
    List<Criterion> list = criteria(criteria, weights);
    checkCriterionWeights(weights, list);
    return new Rubric(version.asText(), weights, list);
  }

  private Map<Principle, Double> principleWeights(List<Entry> entries) {
    Map<Principle, Double> weights = new EnumMap<>(Principle.class);
    for (Entry entry : entries) {
      Fields f = new Fields(source + " line " + entry.line() + ": principle", entry.node());
      f.onlyKeys(PRINCIPLE_KEYS);
      Principle principle = f.known("principle", f.text("id"), Principle.values(), Principle::id);
      f.where = source + " line " + entry.line() + ": principle '" + principle.id() + "'";
      if (weights.put(principle, f.weight()) != null) {
        throw f.fault("listed twice");
      }
    }
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      throw new UserException(source + ": principle weights sum to " + plain(sum) + ", not 1 ("
          + weights.entrySet().stream().map(e -> e.getKey().id() + " " + plain(e.getValue()))
              .collect(Collectors.joining(", ")) + ")");
    }
    return weights;
  }

  private List<Criterion> criteria(List<Entry> entries, Map<Principle, Double> weights) {
    List<Criterion> criteria = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (Entry entry : entries) {
      Fields f = new Fields(source + " line " + entry.line() + ": criterion", entry.node());
      String id = f.text("id");
      if (!id.matches("[a-z][a-z0-9_]*")) {
        throw f.fault("id '" + id + "' must be lower-case letters, digits and '_', starting with a letter");
      }
      f.where = source + " line " + entry.line() + ": criterion '" + id + "'";
      Integer first = lines.putIfAbsent(id, entry.line());
      if (first != null) {
        throw f.fault("duplicate id, first used on line " + first);
      }
      f.onlyKeys(CRITERION_KEYS);
      Principle principle = f.known("principle", f.text("principle"), Principle.values(), Principle::id);
      if (!weights.containsKey(principle)) {
        throw f.fault("principle '" + principle.id() + "' has no weight in 'principles'");
      }
      String label = f.text("label");
      String rationale = f.text("rationale");
      if (rationale.contains("\n")) {
        throw f.fault("'rationale' must be one line");
      }
      List<String> indicators = indicators(f);
      Combine combine = f.node.has("combine")
          ? f.known("combine", f.text("combine"), Combine.values(), Combine::id)
          : Combine.MEAN;
      Rule rule = rule(f);
      double weight = f.weight();
      List<NetmundialPrinciple> netmundial = new ArrayList<>();
      for (String name : f.texts("netmundial_principles")) {
        netmundial.add(f.known("NETmundial principle", name, NetmundialPrinciple.values(), NetmundialPrinciple::id));
      }
      Iap2Level iap2 = f.known("IAP2 level", f.text("iap2_level"), Iap2Level.values(), Iap2Level::id);
      criteria.add(new Criterion(id, principle, label, rationale, indicators, combine, rule, weight, netmundial,
          iap2));
    }
    return criteria;
  }

  private List<String> indicators(Fields f) {
    List<String> indicators = f.texts("indicators");
    for (String indicator : indicators) {
      if (!knownIndicators.contains(indicator)) {
        throw f.fault("unknown indicator '" + indicator + "' (known: " + sorted(knownIndicators) + ")");
      }
    }
    if (new LinkedHashSet<>(indicators).size() < indicators.size()) {
      throw f.fault("an indicator is listed twice in " + indicators);
    }
    return indicators;
  }

  private Rule rule(Fields criterion) {
    JsonNode node = criterion.node.get("rule");
    if (node == null || !node.isObject()) {
      throw criterion.fault("'rule' must be a mapping such as {type: linear, zero: 0, full: 0.2}");
    }
    Fields f = new Fields(criterion.where + ": rule", node);
    String type = f.text("type");
    Set<String> keys = RULE_KEYS.get(type);
    if (keys == null) {
      throw criterion.fault("unknown rule '" + type + "' (known: " + sorted(RULE_KEYS.keySet()) + ")");
    }
    f.where = criterion.where + ": rule " + type;
    f.onlyKeys(keys);
    return switch (type) {
      case "threshold" -> threshold(f);
      case "linear" -> linear(f);
      default -> categorical(f);
    };
  }

  private static Rule threshold(Fields f) {
    boolean atLeast = f.node.has("at_least");
    if (atLeast == f.node.has("at_most")) {
      throw f.fault(atLeast ? "takes 'at_least' or 'at_most', not both" : "needs 'at_least' or 'at_most'");
    }
    return new Rule.Threshold(f.number(atLeast ? "at_least" : "at_most"), atLeast);
  }

  private static Rule linear(Fields f) {
    double zero = f.number("zero");
    double full = f.number("full");
    if (zero == full) {
      throw f.fault("zero and full are both " + plain(zero) + ": the band is empty");
    }
    return new Rule.Linear(zero, full);
  }

  private static Rule categorical(Fields f) {
    JsonNode scores = f.node.get("scores");
    if (scores == null || !scores.isObject() || scores.isEmpty()) {
      throw f.fault("needs 'scores', a mapping of value to score such as {true: 1, false: 0}");
    }
    Map<String, Double> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : scores.properties()) {
      JsonNode score = e.getValue();
      if (!score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
        throw f.fault("'" + e.getKey() + "' scores " + score + ", not a score between 0 and 1");
      }
      map.put(e.getKey(), score.asDouble());
    }
    return new Rule.Categorical(map);
  }

  private static String sorted(Set<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }

  /** A number as a reader would write it: 0.9, not 0.8999999999999999. */
  private static String plain(double x) {
    return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private void checkCriterionWeights(Map<Principle, Double> weights, List<Criterion> criteria) {
    for (Principle principle : weights.keySet()) {
      List<Criterion> of = criteria.stream().filter(c -> c.principle() == principle).toList();
      if (of.isEmpty()) {
        throw new UserException(source + ": principle '" + principle.id() + "' has a weight but no criteria");
      }
      double sum = of.stream().mapToDouble(Criterion::weight).sum();
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
        throw new UserException(source + ": weights of the criteria of principle '" + principle.id() + "' sum to "
            + plain(sum) + ", not 1 (" + of.stream().map(c -> c.id() + " " + plain(c.weight()))
                .collect(Collectors.joining(", ")) + ")");
      }
    }
  }

  /** The keys of one mapping, read with messages that say where. */
  private static final class Fields {
    String where;
    final JsonNode node;

    Fields(String where, JsonNode node) {
      this.where = where;
      this.node = node;
    }

    UserException fault(String what) {
      return new UserException(where + ": " + what);
    }

    void onlyKeys(Set<String> known) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        if (!known.contains(key)) {
          throw fault("unknown key '" + key + "' (known: " + sorted(known) + ")");
        }
      }
    }

    String text(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        throw fault("no '" + key + "'");
      }
      if (!value.isValueNode() || value.asText().isBlank()) {
        throw fault("'" + key + "' must be a non-empty text");
      }
      return value.asText().strip();
    }

    List<String> texts(String key) {
      JsonNode value = node.get(key);
      if (value == null || !value.isArray() || value.isEmpty()) {
        throw fault("'" + key + "' must be a non-empty list such as [a, b]");
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw fault("'" + key + "' holds " + item + ", not a name");
        }
        texts.add(item.asText());
      }
      return texts;
    }

    double number(String key) {
      JsonNode value = node.get(key);
      if (value == null || value.isNull()) {
        throw fault("needs '" + key + "'");
      }
      if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
        throw fault("'" + key + "' must be a number, not " + value);
      }
      return value.asDouble();
    }

    double weight() {
      double weight = number("weight");
      if (!(weight > 0 && weight <= 1)) {
        throw fault("'weight' must be above 0 and at most 1, not " + plain(weight));
      }
      return weight;
    }

    /** The value whose id is {@code name}; {@code what} names the vocabulary in the message. */
    <E> E known(String what, String name, E[] values, Function<E, String> id) {
      for (E value : values) {
        if (id.apply(value).equals(name)) {
          return value;
        }
      }
      throw fault("unknown " + what + " '" + name + "' (known: "
          + Arrays.stream(values).map(id).collect(Collectors.joining(", ")) + ")");
    }
  }
}
