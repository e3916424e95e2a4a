package org.opennessobservatory.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.opennessobservatory.cli.UserException;

/**
 * A small CSV input (registry, reference table) read whole, each row with the line it came from, so that every
 * fault the caller finds can be reported as "file line N: what is wrong". Lines starting with '#' are comments.
 *
 * @param source the file's name as the user would recognise it
 */
public record CsvTable(String source, List<Line> lines) {

  /** One row: its line number and its non-empty cells, stripped. */
  public record Line(long number, Map<String, String> cells) {
    public String get(String column) {
      return cells.get(column);
    }
  }

  /** Reads a table whose header must hold {@code required}; a missing column or ragged row is a user error. */
  public static CsvTable read(Reader reader, String source, List<String> required) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').get();
    List<Line> lines = new ArrayList<>();
    try (CSVParser csv = CSVParser.builder().setReader(withoutBom(reader)).setFormat(format).get()) {
      List<String> missing = required.stream().filter(c -> !csv.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new UserException(source + ": the header line lacks column(s) " + String.join(", ", missing)
            + " (found: " + String.join(", ", csv.getHeaderNames()) + ")");
      }
      for (CSVRecord record : csv) {
        long number = record.getParser().getCurrentLineNumber();
        if (!record.isConsistent()) {
          throw new UserException(source + " line " + number + ": " + record.size() + " cells where the header has "
              + csv.getHeaderNames().size());
        }
        Map<String, String> cells = new TreeMap<>();
        record.toMap().forEach((k, v) -> {
          if (v != null && !v.isBlank()) {
            cells.put(k, v.strip());
          }
        });
        lines.add(new Line(number, cells));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw unreadable(source, e);
    }
    return new CsvTable(source, List.copyOf(lines));
  }

  private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)\\s*(.*)");

  /**
   * A fault commons-csv met, as "file line N: what": its messages carry the line as "(startline N)", buried in
   * wrapped exceptions, and say "EOF reached before encapsulated token finished" for a quote that is never closed.
   */
  public static UserException unreadable(String source, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Matcher m = START_LINE.matcher(t.getMessage() == null ? "" : t.getMessage());
      if (m.find()) {
        String what = m.group(2).startsWith("EOF reached before encapsulated token finished")
            ? "a quoted cell is not closed: a '\"' opens it and the file ends before the closing '\"'"
            : "not valid CSV (" + m.group(2).strip() + ")";
        return new UserException(source + " line " + m.group(1) + ": " + what);
      }
    }
    return new UserException(source + ": not a readable CSV file (" + e.getMessage() + ")");
  }

  /**
   * The text after a UTF-8 byte-order mark, if it starts with one: Excel's "CSV UTF-8" writes it, and it would
   * otherwise become part of the first column's name ("\uFEFFpath" is not "path").
   */
  public static Reader withoutBom(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  /** A table shipped in the jobs jar ({@code /reference/…}). */
  public static CsvTable resource(String resource, List<String> required) {
    InputStream in = CsvTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the class path");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, resource, required);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table on any Hadoop file system (local, hdfs://, s3a://). */
  public static CsvTable hadoop(String path, Configuration conf, List<String> required) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (InputStream in = fs.open(p)) {
        return read(new StringReader(Utf8Text.read(in, path)), path, required);
      }
    } catch (IOException e) {
      throw new UserException(path + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** "file line N: " — the prefix of every fault found in a row. */
  public String where(Line line) {
    return source + " line " + line.number() + ": ";
  }
}
