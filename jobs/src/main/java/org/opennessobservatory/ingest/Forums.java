package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Forum identifiers and the levels of well-known forums (reference/forums.csv), used when the manifest does not say.
 */
public final class Forums {
  public static final int MIN_YEAR = 1990;
  public static final int MAX_YEAR = 2100;
  /** The forum of a file whose path and manifest say nothing. */
  public static final String UNKNOWN = "unknown";

  private static final Map<String, String> LEVELS = loadLevels();

  private Forums() {}

  /** "EuroDIG", "Euro DIG" and "eurodig" are one forum: lower case, ASCII letters and digits joined by '-'. */
  public static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? UNKNOWN : slug;
  }

  /** The level of a known forum, else "other". */
  public static String levelOf(String forum) {
    return LEVELS.getOrDefault(forum, "other");
  }

  /** Whether the slug names a forum of reference/forums.csv: a label "UKIGF:" is that forum speaking, not a person. */
  public static boolean isKnown(String slug) {
    return LEVELS.containsKey(slug);
  }

  public static boolean plausibleYear(int year) {
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }

  private static Map<String, String> loadLevels() {
    Map<String, String> levels = new HashMap<>();
    try (Reader in = new InputStreamReader(
        Forums.class.getResourceAsStream("/reference/forums.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        levels.put(r.get("forum"), r.get("forum_level"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(levels);
  }
}
