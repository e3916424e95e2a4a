package org.opennessobservatory.indicators;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Markers of recorded dissent ("I disagree", "we object", "our reservations") and their counts in a text.
 *
 * <p>The lexicon is a CSV file with columns {@code marker,kind,note} and a {@code # version: N} comment before the
 * header line; the default is reference/dissent-lexicon.csv. A marker is a sequence of words (letters, digits,
 * apostrophes) separated by spaces, hyphens or commas. It matches a text case-insensitively, as whole words, with
 * curly and straight apostrophes alike and any run of whitespace, dashes and commas between its words: captioners
 * break lines and drop commas anywhere. Matches do not overlap: scanning left to right, the leftmost match is
 * taken, the longest marker when several start there, and the scan goes on after its end, so "we cannot support"
 * is one objection, not also a "we cannot". Serializable, so a job can ship it to executors in a closure.
 */
public final class DissentLexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final String RESOURCE = "/reference/dissent-lexicon.csv";
  private static final String SEPARATOR = "[\\s\\p{Z}\\p{Pd},]++";
  private static final String APOSTROPHES = "'\u2018\u2019\u02bc";
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
  private static final List<String> COLUMNS = List.of("marker", "kind", "note");

  private final String version;
  private final Map<String, DissentKind> markers;
  private final Pattern pattern;
  /** The kind of the marker in capturing group i + 1 of the pattern. */
  private final DissentKind[] kinds;
  /**
   * The characters a match can begin with, as the pattern compares them (see {@link #canStart}); null when a marker
   * begins with a surrogate (then every position is tried).
   */
  private final BitSet firstChars;

  private DissentLexicon(String version, Map<String, DissentKind> markers) {
    this.version = version;
    this.markers = Collections.unmodifiableMap(markers);
    // Longest first: at one position the alternation takes the first alternative that matches, not the longest.
    List<String> longestFirst = new ArrayList<>(markers.keySet());
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
    kinds = new DissentKind[longestFirst.size()];
    for (int i = 0; i < kinds.length; i++) {
      String marker = longestFirst.get(i);
      kinds[i] = markers.get(marker);
      regex.append(i == 0 ? "(" : "|(").append(regexOf(marker)).append(')');
    }
    pattern = Pattern.compile(regex.append(")(?![\\p{L}\\p{N}])").toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    firstChars = firstChars(markers.keySet());
  }

  private static BitSet firstChars(Set<String> markers) {
    BitSet first = new BitSet(Character.MAX_VALUE + 1);
    for (String marker : markers) {
      char c = marker.charAt(0);
      if (Character.isSurrogate(c)) {
        return null;
      }
      if (c == '\'') {
        APOSTROPHES.chars().forEach(first::set);
      } else {
        first.set(c);
        first.set(fold(c));
      }
    }
    return first;
  }

  /**
   * A letter or a decimal digit: the pattern's look-behind, which excludes \\p{L} and \\p{N}, fails after one. This
   * looks at one char, not one code point: for a lexicon without supplementary characters Pattern compiles the
   * look-behind to its one-char form, which passes after a supplementary letter (it sees a low surrogate), so this
   * must too; for any lexicon, skipping only after a BMP letter or digit never skips a position where it would pass.
   */
  private static boolean inWord(char c) {
    return Character.isLetter(c) || Character.isDigit(c);
  }

  /** How a case-insensitive Unicode pattern compares a letter (java.util.regex.Pattern's SingleU): lower of upper. */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /**
   * Whether a match can begin with {@code c}: the pattern's every alternative begins with a marker's first character,
   * matched as Pattern matches a literal case-insensitively (the character itself or its {@link #fold} equals the
   * marker's fold) or, for an apostrophe, as one of the apostrophes.
   */
  private boolean canStart(char c) {
    return firstChars == null || firstChars.get(c) || firstChars.get(fold(c));
  }

  /** The lexicon shipped with the jobs (reference/dissent-lexicon.csv). */
  public static DissentLexicon standard() {
    try (Reader in = new InputStreamReader(
        DissentLexicon.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
      return load(in, "reference/dissent-lexicon.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and validates a lexicon; {@code source} names it in messages.
   *
   * @throws IllegalArgumentException naming the source, the line and the fault: no version comment, a missing
   *     column, an empty marker, a marker with other characters than words and separators, an unknown kind, or a
   *     marker that repeats an earlier one (compared after normalisation: "I  Disagree" repeats "I disagree")
   */
  public static DissentLexicon load(Reader reader, String source) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
        .setIgnoreSurroundingSpaces(true).get();
    Map<String, DissentKind> markers = new LinkedHashMap<>();
    Map<String, Long> lines = new HashMap<>();
    String version;
    try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      version = version(csv.getHeaderComment(), source);
      for (String column : COLUMNS) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new IllegalArgumentException(source + ": no '" + column + "' column in the header line (found: "
              + String.join(", ", csv.getHeaderNames()) + ")");
        }
      }
      for (CSVRecord record : csv) {
        long line = csv.getCurrentLineNumber();
        String where = source + " line " + line;
        if (!record.isConsistent()) {
          throw new IllegalArgumentException(where + ": " + record.size() + " cells where the header has "
              + csv.getHeaderNames().size());
        }
        String marker = normalise(record.get("marker"), where);
        Long earlier = lines.putIfAbsent(marker, line);
        if (earlier != null) {
          throw new IllegalArgumentException(where + ": marker '" + record.get("marker") + "' repeats line " + earlier);
        }
        markers.put(marker, kind(record.get("kind"), where));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(source + ": not a readable CSV file (" + e.getMessage() + ")", e);
    }
    if (markers.isEmpty()) {
      throw new IllegalArgumentException(source + ": no markers");
    }
    return new DissentLexicon(version, markers);
  }

  /** The lexicon's version, from its {@code # version:} comment; a run manifest records it beside the counts. */
  public String version() {
    return version;
  }

  /** The markers, normalised (lower case, straight apostrophes, words joined by one space), in file order. */
  public Map<String, DissentKind> markers() {
    return markers;
  }

  /** Matches in {@code text} by kind, every kind present (0 when none matched); a null text has none. */
  public Map<DissentKind, Long> count(CharSequence text) {
    long[] counts = new long[DissentKind.values().length];
    if (text != null) {
      // What Matcher.find does, trying the pattern only where a match can begin (a marker's first character, not
      // inside a word): find tries all ~50 alternatives at every character (17 MB of text per second; this, about
      // 50). The bounds are transparent, so the look-behind still sees the text before the position tried.
      Matcher m = pattern.matcher(text).useTransparentBounds(true);
      int n = text.length();
      int from = 0;
      while (from < n) {
        if (!canStart(text.charAt(from)) || (from > 0 && inWord(text.charAt(from - 1)))) {
          from++;
          continue;
        }
        m.region(from, n);
        if (!m.lookingAt()) {
          from++;
          continue;
        }
        counts[kind(m).ordinal()]++;
        from = m.end();
      }
    }
    return byKind(counts);
  }

  /** {@link #count} with Matcher.find over every position: the same counts, slower (for the test that shows it). */
  Map<DissentKind, Long> countTryingEveryPosition(CharSequence text) {
    long[] counts = new long[DissentKind.values().length];
    if (text != null) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        counts[kind(m).ordinal()]++;
      }
    }
    return byKind(counts);
  }

  /** The kind of the marker a successful match matched: the one capturing group that took part. */
  private DissentKind kind(Matcher m) {
    int group = 1;
    while (m.start(group) < 0) {
      group++;
    }
    return kinds[group - 1];
  }

  private static Map<DissentKind, Long> byKind(long[] counts) {
    Map<DissentKind, Long> byKind = new EnumMap<>(DissentKind.class);
    for (DissentKind kind : DissentKind.values()) {
      byKind.put(kind, counts[kind.ordinal()]);
    }
    return Collections.unmodifiableMap(byKind);
  }

  private static String version(String headerComment, String source) {
    if (headerComment != null) {
      for (String line : headerComment.split("\n")) {
        String comment = line.strip();
        if (comment.startsWith("version:") && !comment.substring("version:".length()).isBlank()) {
          return comment.substring("version:".length()).strip();
        }
      }
    }
    throw new IllegalArgumentException(source + ": no '# version: N' comment line before the header line");
  }

  private static String normalise(String marker, String where) {
    String text = marker.toLowerCase(Locale.ROOT);
    for (char apostrophe : APOSTROPHES.toCharArray()) {
      text = text.replace(apostrophe, '\'');
    }
    List<String> words = new ArrayList<>();
    for (String word : text.split(SEPARATOR)) {
      if (word.isEmpty()) {
        continue; // before a leading separator
      }
      if (!WORD.matcher(word).matches()) {
        throw new IllegalArgumentException(where + ": marker '" + marker
            + "' holds characters other than letters, digits, apostrophes, spaces, hyphens and commas");
      }
      words.add(word);
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException(where + ": empty marker");
    }
    return String.join(" ", words);
  }

  private static DissentKind kind(String kind, String where) {
    return Arrays.stream(DissentKind.values()).filter(k -> k.id().equals(kind)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(where + ": unknown kind '" + kind + "' (allowed: "
            + Arrays.stream(DissentKind.values()).map(DissentKind::id).collect(Collectors.joining(", ")) + ")"));
  }

  /** A normalised marker as a regex: its words, any apostrophe for an apostrophe, separator runs between. */
  private static String regexOf(String marker) {
    StringBuilder regex = new StringBuilder();
    for (char c : marker.toCharArray()) {
      if (c == ' ') {
        regex.append(SEPARATOR);
      } else if (c == '\'') {
        regex.append('[').append(APOSTROPHES).append(']');
      } else {
        regex.append(c); // a letter or a digit: never a regex metacharacter
      }
    }
    return regex.toString();
  }
}
