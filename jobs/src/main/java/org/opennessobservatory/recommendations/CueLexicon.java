package org.opennessobservatory.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.opennessobservatory.cli.UserException;

/**
 * Cues of action (reference/recommendation-cues.yaml): phrases classified as reversed, implemented, in_progress or
 * mentioned. A passage's cue is the cue of the strongest class it contains (reversed > implemented > in_progress >
 * mentioned), the earliest in the passage within a class; a passage without any cue is {@code mentioned}, cue null.
 */
public record CueLexicon(String version, List<Cue> cues) implements Serializable {
  public static final String SHIPPED = "reference/recommendation-cues.yaml";
  /** Cue classes, strongest first. */
  public static final List<String> CLASSES = List.of("reversed", "implemented", "in_progress", "mentioned");

  public record Cue(String phrase, String cueClass, List<String> words) implements Serializable {}

  /** What a passage says happened: the cue found (null when none) and its class. */
  public record Found(String cue, String cueClass) implements Serializable {}

  public static CueLexicon shipped() {
    try (InputStream in = CueLexicon.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException(SHIPPED + " is not on the class path");
      }
      return parse(SHIPPED, new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UserException(SHIPPED + ": not valid YAML (" + e.getMessage() + ")");
    }
  }

  static CueLexicon parse(String source, JsonNode root) {
    if (root == null || root.get("version") == null || root.get("version").asText().isBlank()) {
      throw new UserException(source + ": 'version' is missing");
    }
    JsonNode cues = root.get("cues");
    if (cues == null || !cues.isObject()) {
      throw new UserException(source + ": 'cues' must map each class " + CLASSES + " to a list of phrases");
    }
    List<Cue> all = new ArrayList<>();
    cues.fieldNames().forEachRemaining(c -> {
      if (!CLASSES.contains(c)) {
        throw new UserException(source + ": unknown cue class '" + c + "' (known: " + CLASSES + ")");
      }
    });
    for (String c : CLASSES) {
      JsonNode list = cues.get(c);
      if (list == null) {
        continue;
      }
      for (JsonNode p : list) {
        List<String> words = Text.words(p.asText());
        if (words.isEmpty()) {
          throw new UserException(source + ": an empty cue under '" + c + "'");
        }
        all.add(new Cue(p.asText().trim(), c, words));
      }
    }
    return new CueLexicon(root.get("version").asText().trim(), List.copyOf(all));
  }

  /** The cue of a passage given as its lower-cased words (see {@link Text#words}). */
  public Found classify(List<String> words) {
    Found best = null;
    int bestClass = Integer.MAX_VALUE;
    int bestAt = Integer.MAX_VALUE;
    for (Cue c : cues) {
      int at = Text.indexOf(words, c.words());
      if (at < 0) {
        continue;
      }
      int cls = CLASSES.indexOf(c.cueClass());
      if (cls < bestClass || (cls == bestClass && at < bestAt)) {
        best = new Found(c.phrase(), c.cueClass());
        bestClass = cls;
        bestAt = at;
      }
    }
    return best == null ? new Found(null, "mentioned") : best;
  }

  public Found classify(String text) {
    return classify(Text.words(text));
  }
}
