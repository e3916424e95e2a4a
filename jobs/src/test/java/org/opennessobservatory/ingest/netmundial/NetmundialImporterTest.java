package org.opennessobservatory.ingest.netmundial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.ImportNetmundialCommand;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.ManifestColumns;
import picocli.CommandLine;

class NetmundialImporterTest {

  @TempDir
  Path dir;
  Path source;

  /** A fictional folder: one complete pair, a full text alone, a cover sheet alone, an unmapped sector. */
  @BeforeEach
  void buildFolder() throws IOException {
    source = Files.createDirectory(dir.resolve("contributions"));
    // 0x92 is a right single quote and 0xE9 an e acute in Windows-1252
    writeCp1252("001A.txt", "The Pipes\u2019 Future\r\nArea: PRINCIPLES\r\nEntitled by: Ren\u00e9 Example\r\n"
        + "Region: Atlantis\r\nOrganization: Society for the Study of\r\nImaginary Networks\r\n"
        + "Sector: Civil Society\r\nKeywords: pipes\r\nAbstract\r\nShort.\r\nDocument\r\nFull.\r\n");
    writeCp1252("001B.txt", "Full text.\r\n");
    writeCp1252("002B.txt", "A full text whose cover sheet is lost.\r\n");
    writeCp1252("003A.txt", "Orphan\r\nSector: Government\r\nAbstract\r\n");
    writeCp1252("004A.txt", "Martian View\r\nSector: Martians\r\nAbstract\r\n");
    writeCp1252("004B.txt", "Full text.\r\n");
    writeCp1252("README.md", "# About\n");
    writeCp1252("notes.txt", "stray\n");
  }

  private void writeCp1252(String name, String text) throws IOException {
    Files.write(source.resolve(name), text.getBytes(NetmundialImporter.SOURCE_CHARSET));
  }

  @Test
  void writesOneRowPerDocumentFileSortedByPath() throws IOException {
    Path manifest = dir.resolve("out/manifest.csv");
    NetmundialImporter.Summary summary = NetmundialImporter.writeManifest(source, manifest);

    List<CSVRecord> rows = read(manifest);
    assertEquals(List.of("001A.txt", "001B.txt", "002B.txt", "003A.txt", "004A.txt", "004B.txt"),
        rows.stream().map(r -> r.get(ManifestColumns.PATH)).toList());

    CSVRecord contribution = rows.get(1);
    assertEquals("contribution", contribution.get(ManifestColumns.DOC_TYPE));
    assertEquals("netmundial", contribution.get(ManifestColumns.FORUM));
    assertEquals("global", contribution.get(ManifestColumns.FORUM_LEVEL));
    assertEquals("NETmundial 2014", contribution.get(ManifestColumns.EVENT));
    assertEquals("2014", contribution.get(ManifestColumns.YEAR));
    assertEquals("2014-04-23", contribution.get(ManifestColumns.DATE));
    assertEquals("", contribution.get(ManifestColumns.PUBLISHED_ON));
    assertEquals("The Pipes\u2019 Future", contribution.get(ManifestColumns.TITLE));
    assertEquals("Ren\u00e9 Example", contribution.get(ManifestColumns.AUTHOR));
    assertEquals("Society for the Study of Imaginary Networks", contribution.get(ManifestColumns.AUTHOR_ORGANISATION));
    assertEquals("civil_society", contribution.get(ManifestColumns.AUTHOR_STAKEHOLDER_GROUP));
    assertEquals("Atlantis", contribution.get(ManifestColumns.AUTHOR_COUNTRY));
    assertEquals("", contribution.get(ManifestColumns.LANGUAGE));
    assertEquals("", contribution.get(ManifestColumns.URL));

    CSVRecord coverSheet = rows.get(0);
    assertEquals("other", coverSheet.get(ManifestColumns.DOC_TYPE));
    assertEquals(contribution.get(ManifestColumns.TITLE), coverSheet.get(ManifestColumns.TITLE));
    assertEquals("unknown", rows.get(2).get(ManifestColumns.AUTHOR_STAKEHOLDER_GROUP));

    assertEquals(Map.of("civil_society", 1, "unknown", 2), summary.contributionsPerGroup());
    assertEquals(3, summary.contributions());
    assertEquals(3, summary.coverSheets());
    assertEquals(List.of("004: Martians"), summary.unmappedSectors());
    assertEquals(List.of("002"), summary.withoutCoverSheet());
    assertEquals(List.of("003"), summary.withoutFullText());
    assertEquals(List.of("notes.txt"), summary.unrecognisedFiles());
  }

  @Test
  void headerIsExactlyTheManifestColumns() throws IOException {
    StringWriter out = new StringWriter();
    NetmundialImporter.writeManifest(source, out);
    String header = out.toString().lines().findFirst().orElseThrow();
    assertEquals(String.join(",", ManifestColumns.ALL), header);
  }

  @Test
  void commandPrintsOneLinePerGroupAndRefusesToOverwrite() throws Exception {
    Path manifest = dir.resolve("manifest.csv");
    StringWriter printed = new StringWriter();
    CommandLine cli = new CommandLine(new ImportNetmundialCommand()).setOut(new PrintWriter(printed));
    assertEquals(0, cli.execute("--source", source.toString(), "--manifest", manifest.toString()));
    assertTrue(printed.toString().contains("civil_society"), printed.toString());
    assertTrue(printed.toString().contains("full texts without cover sheet: 1 [002]"), printed.toString());

    UserException exists = assertThrows(UserException.class,
        () -> call("--source", source.toString(), "--manifest", manifest.toString()));
    assertTrue(exists.getMessage().contains("--overwrite"), exists.getMessage());
    assertEquals(0, call("--source", source.toString(), "--manifest", manifest.toString(), "--overwrite"));
  }

  @Test
  void commandRejectsAMissingSourceFolder() {
    Path missing = dir.resolve("nowhere");
    UserException e = assertThrows(UserException.class,
        () -> call("--source", missing.toString(), "--manifest", dir.resolve("m.csv").toString()));
    assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
  }

  /** Calls the command directly, so that its exceptions reach the test rather than picocli's handler. */
  private static int call(String... args) throws Exception {
    CommandLine cli = new CommandLine(new ImportNetmundialCommand()).setOut(new PrintWriter(new StringWriter()));
    cli.parseArgs(args);
    return cli.<ImportNetmundialCommand>getCommand().call();
  }

  static List<CSVRecord> read(Path manifest) throws IOException {
    try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }
}
