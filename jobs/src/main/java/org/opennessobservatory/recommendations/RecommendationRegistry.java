package org.opennessobservatory.recommendations;

import static org.opennessobservatory.io.YamlEntries.entries;
import static org.opennessobservatory.io.YamlEntries.list;
import static org.opennessobservatory.io.YamlEntries.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.ReferenceFile;
import org.opennessobservatory.io.YamlEntries.Entry;

/**
 * The registry of the CSTD Working Group's 2012 recommendations (reference/cstd-wg-2012-recommendations.yaml, or an
 * evaluator's file given to {@code --recommendations}). The whole file is checked before anything is searched: the
 * number of entries must equal {@code expected_count}, the five topics must each hold at least one entry, ids and
 * paragraphs must be unique, and every entry needs its fields. Every fault is one line naming the file and the line.
 */
public record RecommendationRegistry(String source, String version, String report, Map<String, String> topics,
    List<Recommendation> recommendations) implements Serializable {
  public static final String SHIPPED = "reference/cstd-wg-2012-recommendations.yaml";
  /** The report's five topics, in its order. */
  public static final List<String> TOPICS = List.of("I", "II", "III", "IV", "V");
  public static final Set<String> CONFIDENCE = Set.of("confirmed", "partly_confirmed", "reconstructed");

  /** One recommendation: its search terms (single words) and phrases, and what evidence of it looks like. */
  public record Recommendation(String id, int paragraph, String topic, String summary, List<String> terms,
      List<String> phrases, String evidence, String confidence, String provenance) implements Serializable {}

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Set<String> TOP_KEYS = Set.of("version", "report", "expected_count", "topics",
      "recommendations");
  private static final Set<String> KEYS = Set.of("id", "paragraph", "topic", "summary", "terms", "phrases",
      "evidence", "confidence", "provenance");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  public Recommendation get(String id) {
    return recommendations.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  public static RecommendationRegistry shipped() {
    return ReferenceFile.shipped(SHIPPED, RecommendationRegistry::read);
  }

  /** The registry at {@code path} (any Hadoop file system), or the shipped one when {@code path} is null. */
  public static RecommendationRegistry load(String path, Configuration conf) {
    return ReferenceFile.load(path, conf, SHIPPED, "recommendation registry", "--recommendations", RecommendationRegistry::read);
  }

  public static RecommendationRegistry read(String source, Reader reader) {
    Map<String, JsonNode> top = new HashMap<>();
    Map<String, Integer> topLines = new HashMap<>();
    List<Entry> entries = null;
    List<Entry> topicEntries = null;
    try (JsonParser p = YAML.createParser(reader)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UserException(source + ": not a recommendation registry: expected a mapping with keys "
            + new TreeSet<>(TOP_KEYS));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        p.nextToken();
        topLines.put(key, line);
        switch (key) {
          case "recommendations" -> entries = entries(source, key, p);
          case "topics" -> topicEntries = entries(source, key, p);
          case "version", "report", "expected_count" -> top.put(key, p.readValueAsTree());
          default -> throw new UserException(source + " line " + line + ": unknown key '" + key + "' (known: "
              + new TreeSet<>(TOP_KEYS) + ")");
        }
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? source : source + " line " + e.getLocation().getLineNr();
      throw new UserException(where + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("")
          + ")");
    } catch (IOException e) {
      throw new UserException("cannot read recommendation registry " + source + ": " + e.getMessage());
    }
    String version = scalar(top.get("version"), source + ": 'version'", "give the registry a version (outputs carry it)");
    String report = scalar(top.get("report"), source + ": 'report'", "name the report the entries come from");
    JsonNode count = top.get("expected_count");
    if (count == null || !count.canConvertToInt() || count.asInt() <= 0) {
      throw new UserException(source + ": 'expected_count' is missing or not a positive whole number: say how many "
          + "recommendations the file must hold");
    }
    if (topicEntries == null) {
      throw new UserException(source + ": 'topics' is missing: list the five topics " + TOPICS);
    }
    Map<String, String> topics = new LinkedHashMap<>();
    for (Entry t : topicEntries) {
      String at = source + " line " + t.line() + ": topic";
      String id = text(t.node(), "id", at);
      if (!TOPICS.contains(id)) {
        throw new UserException(at + " '" + id + "': topic ids are " + TOPICS);
      }
      if (topics.put(id, text(t.node(), "label", at)) != null) {
        throw new UserException(at + " '" + id + "': listed twice");
      }
    }
    if (topics.size() != TOPICS.size()) {
      List<String> missing = TOPICS.stream().filter(t -> !topics.containsKey(t)).toList();
      throw new UserException(source + " line " + topLines.get("topics") + ": 'topics' must list the five topics; "
          + "missing " + missing);
    }
    if (entries == null || entries.isEmpty()) {
      throw new UserException(source + ": 'recommendations' is missing or empty");
    }
    List<Recommendation> recs = new ArrayList<>();
    Map<String, Integer> idLines = new HashMap<>();
    Map<Integer, Integer> paragraphLines = new HashMap<>();
    Map<String, Integer> perTopic = new HashMap<>();
    for (Entry e : entries) {
      String at = source + " line " + e.line() + ": recommendation";
      JsonNode n = e.node();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KEYS.contains(key)) {
          throw new UserException(at + ": unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
        }
      }
      String id = text(n, "id", at);
      if (!ID.matcher(id).matches()) {
        throw new UserException(at + " '" + id + "': id must be lower-case letters, digits and _ (e.g. p12)");
      }
      at = source + " line " + e.line() + ": recommendation '" + id + "'";
      Integer first = idLines.putIfAbsent(id, e.line());
      if (first != null) {
        throw new UserException(at + ": duplicate id (first at line " + first + ")");
      }
      JsonNode para = n.get("paragraph");
      if (para == null || !para.canConvertToInt() || para.asInt() <= 0) {
        throw new UserException(at + ": 'paragraph' is missing or not a paragraph number of the report");
      }
      Integer firstPara = paragraphLines.putIfAbsent(para.asInt(), e.line());
      if (firstPara != null) {
        throw new UserException(at + ": paragraph " + para.asInt() + " already used at line " + firstPara);
      }
      String topic = text(n, "topic", at);
      if (!topics.containsKey(topic)) {
        throw new UserException(at + ": topic '" + topic + "' is not one of " + TOPICS);
      }
      perTopic.merge(topic, 1, Integer::sum);
      List<String> terms = list(n, "terms", at);
      List<String> phrases = list(n, "phrases", at);
      if (terms.isEmpty() && phrases.isEmpty()) {
        throw new UserException(at + ": no terms and no phrases: give it something to search for");
      }
      for (String t : terms) {
        if (SPACE.matcher(t).find()) {
          throw new UserException(at + ": term '" + t + "' has several words: list it under phrases");
        }
        if (Text.terms(t).isEmpty()) {
          throw new UserException(at + ": term '" + t + "' is a stop word: it is never searched for");
        }
      }
      Map<List<String>, String> phraseWords = new HashMap<>();
      for (String ph : phrases) {
        if (!SPACE.matcher(ph).find()) {
          throw new UserException(at + ": phrase '" + ph + "' is a single word: list it under terms");
        }
        if (Text.terms(ph).isEmpty()) {
          throw new UserException(at + ": phrase '" + ph + "' has only stop words: it would be found in any text");
        }
        // Plurals are folded on both sides, so "remote hub" finds what "remote hubs" finds: listed twice, a phrase
        // would earn its bonus twice for one occurrence.
        String same = phraseWords.putIfAbsent(Text.words(ph), ph);
        if (same != null) {
          throw new UserException(at + ": phrases '" + same + "' and '" + ph + "' are the same words once plurals "
              + "are folded: keep one");
        }
      }
      String confidence = text(n, "confidence", at);
      if (!CONFIDENCE.contains(confidence)) {
        throw new UserException(at + ": confidence '" + confidence + "' is not one of " + new TreeSet<>(CONFIDENCE));
      }
      recs.add(new Recommendation(id, para.asInt(), topic, text(n, "summary", at), List.copyOf(terms),
          List.copyOf(phrases), text(n, "evidence", at), confidence, text(n, "provenance", at)));
    }
    if (recs.size() != count.asInt()) {
      throw new UserException(source + " line " + topLines.get("recommendations") + ": " + recs.size()
          + " recommendations where expected_count says " + count.asInt());
    }
    for (String t : TOPICS) {
      if (!perTopic.containsKey(t)) {
        throw new UserException(source + ": topic " + t + " has no recommendation: each of the five topics needs one");
      }
    }
    return new RecommendationRegistry(source, version, report, Map.copyOf(topics), List.copyOf(recs));
  }

  private static String scalar(JsonNode v, String what, String fix) {
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new UserException(what + " is missing: " + fix);
    }
    return v.asText().trim();
  }
}
