package org.opennessobservatory.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opennessobservatory.cli.UserException;

/**
 * The shared reading of a validated YAML reference file (rubric, taxonomy, recommendation registry): a top-level
 * list of mappings, each kept with the line it starts on, and checked cells whose faults are one-line user errors
 * saying where ("file line N, entry 'x'") and what to fix.
 */
public final class YamlEntries {
  private YamlEntries() {}

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** One mapping of a list, with the line it starts on. */
  public record Entry(int line, JsonNode node) {}

  /** Reads the list the parser stands on (the value of {@code key}) as mappings. */
  public static List<Entry> entries(String source, String key, JsonParser p) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new UserException(source + " line " + line + ": '" + key + "' must be a list of mappings");
    }
    List<Entry> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      line = p.currentTokenLocation().getLineNr();
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw new UserException(source + " line " + line + ": each entry of '" + key + "' must be a mapping");
      }
      entries.add(new Entry(line, p.readValueAsTree()));
    }
    return entries;
  }

  /** A required, non-blank scalar. */
  public static String text(JsonNode n, String key, String at) {
    JsonNode v = n.get(key);
    if (v == null || !v.isValueNode() || v.asText().isBlank()) {
      throw new UserException(at + ": '" + key + "' is missing or empty");
    }
    return v.asText().trim();
  }

  /** An optional list of non-blank scalars, inner whitespace collapsed; absent is empty. */
  public static List<String> list(JsonNode n, String key, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new UserException(at + ": '" + key + "' must be a list");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isValueNode() || item.asText().isBlank()) {
        throw new UserException(at + ": '" + key + "' holds an empty entry: remove it or write the word");
      }
      out.add(SPACE.matcher(item.asText().trim()).replaceAll(" "));
    }
    return out;
  }
}
