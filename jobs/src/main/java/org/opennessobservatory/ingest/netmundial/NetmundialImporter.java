package org.opennessobservatory.ingest.netmundial;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opennessobservatory.ingest.ManifestColumns;

/**
 * Writes a corpus {@code manifest.csv} for the NETmundial 2014 contributions folder (cis-india/netmundial layout):
 * one row per full text {@code NNNB.txt} (doc_type contribution) and one per cover sheet {@code NNNA.txt}
 * (doc_type other, so that every file of the folder is accounted for), both with the cover sheet's metadata.
 * Runs on the researcher's machine, so it uses java.nio rather than Hadoop file systems.
 */
public final class NetmundialImporter {
  private NetmundialImporter() {}

  /** The cis-india text files are Windows-1252, whatever their extension says. */
  public static final Charset SOURCE_CHARSET = Charset.forName("windows-1252");

  static final String FORUM = "netmundial";
  static final String FORUM_LEVEL = "global";
  static final String EVENT = "NETmundial 2014";
  static final String YEAR = "2014";
  /** The meeting's first day; the contributions' own submission dates are not in the source. */
  static final String DATE = "2014-04-23";

  private static final Pattern DOCUMENT_FILE = Pattern.compile("(\\d{3})([AB])\\.txt", Pattern.CASE_INSENSITIVE);

  /** Files the ingest handles itself (README) or that a previous run wrote into the folder (manifest). */
  private static final List<String> EXPECTED_OTHER_FILES = List.of("readme.md", "manifest.csv");

  /**
   * What an import found.
   *
   * @param contributionsPerGroup full texts per stakeholder group id, sorted by id; includes {@code unknown}
   *     for an unmapped sector or a full text without cover sheet
   * @param coverSheets number of cover sheets read
   * @param unmappedSectors "serial: raw sector" for each cover sheet whose sector mapped to unknown
   * @param withoutCoverSheet serials with a full text but no cover sheet
   * @param withoutFullText serials with a cover sheet but no full text
   * @param unrecognisedFiles other files in the folder, which get no row
   */
  public record Summary(Map<String, Integer> contributionsPerGroup, int coverSheets, List<String> unmappedSectors,
      List<String> withoutCoverSheet, List<String> withoutFullText, List<String> unrecognisedFiles) {
    public int contributions() {
      return contributionsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** Reads {@code sourceDir} and writes the manifest to {@code manifest} (UTF-8, replacing any existing file). */
  public static Summary writeManifest(Path sourceDir, Path manifest) throws IOException {
    Path parent = manifest.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(manifest, StandardCharsets.UTF_8)) {
      return writeManifest(sourceDir, out);
    }
  }

  /** Reads {@code sourceDir} and writes the manifest rows, sorted by path, to {@code out}. */
  public static Summary writeManifest(Path sourceDir, Writer out) throws IOException {
    Map<String, Path> coverSheetFiles = new TreeMap<>();
    Map<String, Path> fullTextFiles = new TreeMap<>();
    List<String> unrecognised = new ArrayList<>();
    try (Stream<Path> listing = Files.list(sourceDir)) {
      for (Path file : (Iterable<Path>) listing.sorted()::iterator) {
        String name = file.getFileName().toString();
        Matcher m = DOCUMENT_FILE.matcher(name);
        if (m.matches() && Files.isRegularFile(file)) {
          (m.group(2).equalsIgnoreCase("A") ? coverSheetFiles : fullTextFiles).put(m.group(1), file);
        } else if (!EXPECTED_OTHER_FILES.contains(name.toLowerCase(Locale.ROOT))) {
          unrecognised.add(name);
        }
      }
    }

    Map<String, CoverSheet> sheets = new HashMap<>();
    for (Map.Entry<String, Path> e : coverSheetFiles.entrySet()) {
      // new String(...) replaces the five bytes Windows-1252 leaves undefined instead of failing the whole run
      sheets.put(e.getKey(), CoverSheet.parse(e.getKey(), new String(Files.readAllBytes(e.getValue()), SOURCE_CHARSET)));
    }

    Map<String, Integer> perGroup = new TreeMap<>();
    List<String> unmapped = new ArrayList<>();
    List<String> withoutCover = new ArrayList<>();
    TreeMap<String, List<String>> rowsByPath = new TreeMap<>();
    for (Map.Entry<String, Path> e : fullTextFiles.entrySet()) {
      CoverSheet sheet = sheets.get(e.getKey());
      if (sheet == null) {
        withoutCover.add(e.getKey());
      }
      String group = sheet == null ? SectorMapping.UNKNOWN : SectorMapping.groupOf(sheet.sector());
      if (sheet != null && group.equals(SectorMapping.UNKNOWN)) {
        unmapped.add(e.getKey() + ": " + sheet.sector());
      }
      perGroup.merge(group, 1, Integer::sum);
      String path = e.getValue().getFileName().toString();
      rowsByPath.put(path, row(path, "contribution", sheet, group));
    }
    List<String> withoutFullText = new ArrayList<>();
    for (Map.Entry<String, Path> e : coverSheetFiles.entrySet()) {
      if (!fullTextFiles.containsKey(e.getKey())) {
        withoutFullText.add(e.getKey());
      }
      CoverSheet sheet = sheets.get(e.getKey());
      String path = e.getValue().getFileName().toString();
      rowsByPath.put(path, row(path, "other", sheet, SectorMapping.groupOf(sheet.sector())));
    }

    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader(ManifestColumns.ALL.toArray(String[]::new))
        .setRecordSeparator("\n")
        .get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<String> row : rowsByPath.values()) {
        printer.printRecord(row);
      }
    }
    return new Summary(Collections.unmodifiableMap(perGroup), coverSheetFiles.size(), List.copyOf(unmapped),
        List.copyOf(withoutCover), List.copyOf(withoutFullText), List.copyOf(unrecognised));
  }

  /** One manifest row in {@link ManifestColumns#ALL} order; unknown values are empty cells. */
  private static List<String> row(String path, String docType, CoverSheet sheet, String group) {
    Map<String, String> v = new HashMap<>();
    v.put(ManifestColumns.PATH, path);
    v.put(ManifestColumns.FORUM, FORUM);
    v.put(ManifestColumns.FORUM_LEVEL, FORUM_LEVEL);
    v.put(ManifestColumns.EVENT, EVENT);
    v.put(ManifestColumns.YEAR, YEAR);
    v.put(ManifestColumns.DATE, DATE);
    v.put(ManifestColumns.DOC_TYPE, docType);
    v.put(ManifestColumns.AUTHOR_STAKEHOLDER_GROUP, group);
    if (sheet != null) {
      v.put(ManifestColumns.TITLE, sheet.title());
      v.put(ManifestColumns.AUTHOR, sheet.author());
      v.put(ManifestColumns.AUTHOR_ORGANISATION, sheet.organisation());
      v.put(ManifestColumns.AUTHOR_COUNTRY, sheet.country());
    }
    List<String> row = new ArrayList<>(ManifestColumns.ALL.size());
    for (String column : ManifestColumns.ALL) {
      row.add(v.getOrDefault(column, ""));
    }
    return row;
  }
}
