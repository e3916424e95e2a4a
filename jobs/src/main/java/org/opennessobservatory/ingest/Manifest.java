package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/** Reads and validates a corpus manifest; every fault is a one-line message naming file, line and column. */
public final class Manifest {
  private Manifest() {}

  /** Entries by normalised path relative to the corpus root. */
  public static Map<String, ManifestEntry> parse(Reader reader, String source) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
    Map<String, ManifestEntry> entries = new LinkedHashMap<>();
    try (CSVParser csv = CSVParser.builder().setReader(CsvTable.withoutBom(reader)).setFormat(format).get()) {
      if (!csv.getHeaderMap().containsKey(ManifestColumns.PATH)) {
        throw new UserException(source + ": no '" + ManifestColumns.PATH + "' column in the header line (found: "
            + String.join(", ", csv.getHeaderNames()) + ")");
      }
      for (CSVRecord record : csv) {
        ManifestEntry entry = entry(record, source);
        String path = entry.get(ManifestColumns.PATH);
        ManifestEntry previous = entries.putIfAbsent(path, entry);
        if (previous != null) {
          throw new UserException(source + " line " + entry.line() + ": path '" + path
              + "' is already listed on line " + previous.line());
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw CsvTable.unreadable(source, e);
    }
    return entries;
  }

  private static ManifestEntry entry(CSVRecord record, String source) {
    String where = source + " line " + record.getParser().getCurrentLineNumber();
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
    check(where, values, ManifestColumns.FORUM_LEVEL, ManifestColumns.FORUM_LEVELS);
    check(where, values, ManifestColumns.DOC_TYPE, ManifestColumns.DOC_TYPES);
    check(where, values, ManifestColumns.AUTHOR_STAKEHOLDER_GROUP, ManifestColumns.STAKEHOLDER_GROUPS);
    String year = values.get(ManifestColumns.YEAR);
    if (year != null && !(year.matches("\\d{4}") && Forums.plausibleYear(Integer.parseInt(year)))) {
      throw new UserException(where + ": year '" + year + "' is not a year between "
          + Forums.MIN_YEAR + " and " + Forums.MAX_YEAR);
    }
    for (String column : new String[] {ManifestColumns.DATE, ManifestColumns.PUBLISHED_ON}) {
      String date = values.get(column);
      if (date != null) {
        try {
          LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          throw new UserException(where + ": " + column + " '" + date + "' is not a date as yyyy-MM-dd");
        }
      }
    }
    return new ManifestEntry(record.getParser().getCurrentLineNumber(), Map.copyOf(values), Map.copyOf(extra));
  }

  private static void check(String where, Map<String, String> values, String column, Set<String> allowed) {
    String value = values.get(column);
    if (value != null && !allowed.contains(value)) {
      throw new UserException(where + ": " + column + " '" + value + "' is not one of "
          + String.join(", ", new java.util.TreeSet<>(allowed)));
    }
  }
}
