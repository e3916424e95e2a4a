package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/**
 * A corpus manifest, read and checked. A fault that leaves the file without a usable row structure — no path
 * column, unreadable CSV, a row with the wrong number of cells, an empty path cell (it names no file to reject), a
 * path listed twice (which row would describe the file?) — stops the run with one line naming file, line and fault.
 * A row whose path is usable but whose values are not is kept apart in {@code faults}: its file becomes a
 * {@code manifest_invalid} reject, unread, and the run goes on.
 *
 * @param source the manifest's name in messages
 * @param entries valid rows by normalised path relative to the corpus root
 * @param faults rows with a faulty value, by normalised path
 */
public record Manifest(String source, Map<String, ManifestEntry> entries, Map<String, Fault> faults) {
  /** No manifest. */
  public static final Manifest NONE = new Manifest("(no manifest)", Map.of(), Map.of());

  /** A row's first faulty value: {@code fault} names the column, the value and what is wrong with it. */
  public record Fault(long line, String fault) {}

  public int rows() {
    return entries.size() + faults.size();
  }

  /** The start of every message about a row: "manifest.csv line 7". */
  public String at(long line) {
    return at(source, line);
  }

  /** The one-line message of a faulty row: file, line, column and fault. */
  public String message(Fault fault) {
    return at(fault.line()) + ": " + fault.fault();
  }

  private static String at(String source, long line) {
    return source + " line " + line;
  }

  public static Manifest parse(Reader reader, String source) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    Map<String, ManifestEntry> entries = new LinkedHashMap<>();
    Map<String, Fault> faults = new LinkedHashMap<>();
    Map<String, Long> lines = new HashMap<>();
    try (CSVParser csv = CSVParser.builder().setReader(CsvTable.withoutBom(reader)).setFormat(format).get()) {
      if (!csv.getHeaderMap().containsKey(ManifestColumns.PATH)) {
        throw new UserException(source + ": no '" + ManifestColumns.PATH + "' column in the header line (found: "
            + String.join(", ", csv.getHeaderNames()) + ")");
      }
      for (CSVRecord record : csv) {
        long line = record.getParser().getCurrentLineNumber();
        String where = at(source, line);
        ManifestEntry entry = entry(record, line, where);
        String path = entry.get(ManifestColumns.PATH);
        Long previous = lines.putIfAbsent(path, line);
        if (previous != null) {
          throw new UserException(where + ": path '" + path + "' is already listed on line " + previous);
        }
        String fault = fault(entry.values());
        if (fault == null) {
          entries.put(path, entry);
        } else {
          faults.put(path, new Fault(line, fault));
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw CsvTable.unreadable(source, e);
    }
    // Unmodifiable views rather than copies: they keep the file's order.
    return new Manifest(source, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(faults));
  }

  /** The row's cells, blank ones left out, path and forum normalised; its values are not checked yet. */
  private static ManifestEntry entry(CSVRecord record, long line, String where) {
    if (!record.isConsistent()) {
      throw new UserException(where + ": " + record.size() + " cells where the header has "
          + record.getParser().getHeaderNames().size());
    }
    Map<String, String> values = new TreeMap<>();
    Map<String, String> extra = new TreeMap<>();
    for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
      String value = cell.getValue() == null ? "" : cell.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      (ManifestColumns.ALL.contains(cell.getKey()) ? values : extra).put(cell.getKey(), value);
    }
    String path = values.get(ManifestColumns.PATH);
    if (path == null) {
      throw new UserException(where + ": the path cell is empty");
    }
    values.put(ManifestColumns.PATH, CorpusPaths.normalise(path));
    if (values.containsKey(ManifestColumns.FORUM)) {
      values.put(ManifestColumns.FORUM, Forums.slug(values.get(ManifestColumns.FORUM)));
    }
    return new ManifestEntry(line, Map.copyOf(values), Map.copyOf(extra));
  }

  /**
   * The first faulty value of a row in column order, as "column 'value' is not …", or null when every value is
   * allowed.
   */
  static String fault(Map<String, String> values) {
    for (String column : ManifestColumns.ALL) {
      String value = values.get(column);
      String fault = value == null ? null : fault(column, value);
      if (fault != null) {
        return fault;
      }
    }
    return null;
  }

  private static String fault(String column, String value) {
    return switch (column) {
      case ManifestColumns.FORUM_LEVEL -> notOneOf(column, value, ManifestColumns.FORUM_LEVELS);
      case ManifestColumns.DOC_TYPE -> notOneOf(column, value, ManifestColumns.DOC_TYPES);
      case ManifestColumns.AUTHOR_STAKEHOLDER_GROUP -> notOneOf(column, value, ManifestColumns.STAKEHOLDER_GROUPS);
      case ManifestColumns.YEAR -> value.matches("\\d{4}") && Forums.plausibleYear(Integer.parseInt(value)) ? null
          : "year '" + value + "' is not a year between " + Forums.MIN_YEAR + " and " + Forums.MAX_YEAR;
      case ManifestColumns.DATE, ManifestColumns.PUBLISHED_ON -> isDate(value) ? null
          : column + " '" + value + "' is not a date as yyyy-MM-dd";
      default -> null;
    };
  }

  private static boolean isDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String notOneOf(String column, String value, Set<String> allowed) {
    return allowed.contains(value) ? null
        : column + " '" + value + "' is not one of " + String.join(", ", new TreeSet<>(allowed));
  }
}
