package org.opennessobservatory.mapping;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.ReferenceFile;
import org.opennessobservatory.io.YamlEntries.Entry;

/**
 * The issue taxonomy (reference/issue-taxonomy.yaml, or a user's file): a version, the issue areas, each with single
 * terms, multi-word phrases and optionally terms or phrases shared with another issue (ICANN is a critical Internet
 * resource and, as an institution, multistakeholder governance), and the phrases to ignore: names of venues whose
 * words would otherwise match (NETmundial's full name is where contributions were sent, not what they speak of). The
 * reader checks the whole file before anything is matched; every fault is one line naming the file, the line and the
 * issue, and what to fix.
 */
public record Taxonomy(String source, String version, List<String> ignore, List<Issue> issues)
    implements Serializable {
  public static final String SHIPPED = "reference/issue-taxonomy.yaml";

  /**
   * One issue area: terms are single words, phrases two or more, all as written in the file; shared are terms or
   * phrases of other issues that signal this one as well (a match counts for both).
   */
  public record Issue(String id, String label, String description, List<String> terms, List<String> phrases,
      List<String> shared) implements Serializable {}

  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Set<String> TOP_KEYS = Set.of("version", "ignore", "issues");
  private static final Set<String> ISSUE_KEYS = Set.of("id", "label", "description", "terms", "phrases", "shared");
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  public Issue issue(String id) {
    return issues.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }

  /** The taxonomy shipped with the jobs. */
  public static Taxonomy shipped() {
    return ReferenceFile.shipped(SHIPPED, Taxonomy::read);
  }

  /** The taxonomy at {@code path} (any Hadoop file system), or the shipped one when {@code path} is null. */
  public static Taxonomy load(String path, Configuration conf) {
    return ReferenceFile.load(path, conf, SHIPPED, "issue taxonomy", "--taxonomy", Taxonomy::read);
  }

  /** Reads and validates a taxonomy; {@code source} names it in messages. */
  public static Taxonomy read(String source, Reader reader) {
    JsonNode version = null;
    com.fasterxml.jackson.databind.node.ObjectNode top = YAML.createObjectNode(); // 'ignore', for YamlEntries.list
    int ignoreLine = 0;
    List<Entry> entries = null;
    try (JsonParser p = YAML.createParser(reader)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new UserException(source + ": not an issue taxonomy: expected a mapping with keys " + new TreeSet<>(TOP_KEYS));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        p.nextToken();
        switch (key) {
          case "version" -> version = p.readValueAsTree();
          case "ignore" -> {
            ignoreLine = line;
            top.set(key, p.readValueAsTree());
          }
          case "issues" -> entries = entries(source, "issues", p);
          default -> throw new UserException(source + " line " + line + ": unknown key '" + key + "' (known: "
              + new TreeSet<>(TOP_KEYS) + ")");
        }
      }
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? source : source + " line " + e.getLocation().getLineNr();
      throw new UserException(where + ": not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("")
          + ")");
    } catch (IOException e) {
      throw new UserException("cannot read issue taxonomy " + source + ": " + e.getMessage());
    }
    if (version == null || !version.isValueNode() || version.asText().isBlank()) {
      throw new UserException(source + ": 'version' is missing: give the taxonomy a version (outputs carry it)");
    }
    if (entries == null || entries.isEmpty()) {
      throw new UserException(source + ": 'issues' is missing or empty: list at least one issue");
    }
    List<String> ignore = list(top, "ignore", source + " line " + ignoreLine);
    Set<String> ignoredKeys = new HashSet<>();
    for (String ph : ignore) {
      if (!SPACE.matcher(ph).find() && !ph.contains("-")) {
        throw new UserException(source + " line " + ignoreLine + ": 'ignore' lists the single word '" + ph
            + "': only phrases are ignored (to stop a word matching, remove it from its issue)");
      }
      if (!ignoredKeys.add(ph.toLowerCase(Locale.ROOT))) {
        throw new UserException(source + " line " + ignoreLine + ": 'ignore' lists '" + ph + "' twice");
      }
    }
    List<Issue> issues = new ArrayList<>();
    Map<String, Integer> idLines = new HashMap<>();
    Map<String, String> termOwner = new HashMap<>();
    for (Entry e : entries) {
      String at = source + " line " + e.line() + ": issue";
      JsonNode n = e.node();
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!ISSUE_KEYS.contains(key)) {
          throw new UserException(at + ": unknown key '" + key + "' (known: " + new TreeSet<>(ISSUE_KEYS) + ")");
        }
      }
      String id = text(n, "id", at);
      if (!ID.matcher(id).matches()) {
        throw new UserException(at + " '" + id + "': id must be snake_case (lower-case letters, digits, _)");
      }
      at = source + " line " + e.line() + ": issue '" + id + "'";
      Integer first = idLines.putIfAbsent(id, e.line());
      if (first != null) {
        throw new UserException(at + ": duplicate id (first at line " + first + ")");
      }
      String label = text(n, "label", at);
      String description = text(n, "description", at);
      List<String> terms = list(n, "terms", at);
      List<String> phrases = list(n, "phrases", at);
      if (terms.isEmpty() && phrases.isEmpty()) {
        throw new UserException(at + ": no terms and no phrases: give it at least one");
      }
      for (String t : terms) {
        if (SPACE.matcher(t).find()) {
          throw new UserException(at + ": term '" + t + "' has several words: list it under phrases");
        }
      }
      for (String ph : phrases) {
        if (!SPACE.matcher(ph).find() && !ph.contains("-")) {
          throw new UserException(at + ": phrase '" + ph + "' is a single word: list it under terms");
        }
      }
      for (String t : concat(terms, phrases)) {
        String key = t.toLowerCase(Locale.ROOT);
        String owner = termOwner.putIfAbsent(key, id);
        if (ignoredKeys.contains(key)) {
          throw new UserException(at + ": '" + t + "' is also listed under 'ignore': keep it in one place");
        }
        if (owner != null) {
          throw new UserException(at + ": '" + t + "' is already listed under issue '" + owner
              + "': a term belongs to one issue");
        }
      }
      issues.add(new Issue(id, label, description, List.copyOf(terms), List.copyOf(phrases),
          List.copyOf(list(n, "shared", at))));
    }
    for (Issue issue : issues) {
      String at = source + " line " + idLines.get(issue.id()) + ": issue '" + issue.id() + "'";
      Set<String> seen = new HashSet<>();
      for (String t : issue.shared()) {
        String key = t.toLowerCase(Locale.ROOT);
        String owner = termOwner.get(key);
        if (ignoredKeys.contains(key)) {
          throw new UserException(at + ": shared '" + t + "' is listed under 'ignore', which counts for no issue: "
              + "remove it from one of them");
        }
        if (owner == null) {
          throw new UserException(at + ": shared '" + t + "' is no other issue's term or phrase: list it under "
              + "terms or phrases, or under the issue it belongs to");
        }
        if (owner.equals(issue.id())) {
          throw new UserException(at + ": shared '" + t + "' is this issue's own term or phrase: remove it from "
              + "shared");
        }
        if (!seen.add(key)) {
          throw new UserException(at + ": shared '" + t + "' is listed twice");
        }
      }
    }
    return new Taxonomy(source, version.asText(), List.copyOf(ignore), List.copyOf(issues));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
