package org.opennessobservatory.ingest.netmundial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.TestPaths;

/**
 * Imports the real NETmundial 2014 contributions (cis-india/netmundial, CC BY-SA 2.5 India), read in place from
 * {@code <repo>/../shared/data/netmundial-2014/contributions}; never copied into the repository.
 */
class NetmundialRealDataTest {

  @TempDir
  Path tmp;

  @Test
  void importsTheRealFolder() throws IOException {
    Path source = realFolder();

    Path manifest = tmp.resolve("manifest.csv");
    NetmundialImporter.Summary summary = NetmundialImporter.writeManifest(source, manifest);

    // figures published with the data (README.md of the folder)
    assertEquals(187, summary.contributions());
    assertEquals(187, summary.coverSheets());
    assertEquals(Map.of("civil_society", 59, "private_sector", 43, "government", 28, "academia", 21,
        "other", 20, "technical_community", 16), summary.contributionsPerGroup());
    assertEquals(List.of(), summary.unmappedSectors());
    assertEquals(List.of(), summary.withoutCoverSheet());
    assertEquals(List.of(), summary.withoutFullText());
    assertEquals(List.of(), summary.unrecognisedFiles());

    List<CSVRecord> rows = NetmundialImporterTest.read(manifest);
    assertEquals(374, rows.size());
    for (CSVRecord row : rows) {
      for (String value : row.values()) {
        assertTrue(value.chars().noneMatch(c -> c == 0xFFFD || (c >= 0x80 && c <= 0x9F) || c < 0x20),
            () -> row.get("path") + ": badly decoded or control character in " + value);
      }
      assertTrue(!row.get("title").isEmpty() && !row.get("author").isEmpty() && !row.get("author_organisation")
          .isEmpty(), () -> row.get("path") + " lacks title, author or organisation");
    }
  }

  @Test
  void decodesWindows1252AndSplitsGluedKeys() throws IOException {
    Path source = realFolder();

    // 005A: the title runs into "Area:" and "Doc Attached: ... 1" into "Abstract"; the author has an a acute
    CoverSheet sheet005 = parse(source, "005");
    assertEquals("Internet Roadmap topics: Freedom and Security in Cyberspace - A Cyber Defense perspective",
        sheet005.title());
    assertEquals("COMBINED INTERNET GOVERNANCE PRINCIPLES AND ROADMAP", sheet005.area());
    assertEquals("Roberto Uzal Daniel Riesco Germ\u00e1n Montejano", sheet005.author());
    assertNotNull(sheet005.abstractText());
    assertTrue(sheet005.abstractText().startsWith("This contribution is aimed"), sheet005.abstractText());

    // The web-form part (keys, abstract) lost its non-ASCII upstream ('?' or nothing); the copy of the document
    // after "Document" keeps Windows-1252 bytes 0x91-0x97, which must decode to typographic punctuation.
    long sheetsWithCurlyQuotes = 0;
    for (int serial = 1; serial <= 187; serial++) {
      String id = String.format("%03d", serial);
      String text = new String(Files.readAllBytes(source.resolve(id + "A.txt")), NetmundialImporter.SOURCE_CHARSET);
      assertTrue(text.chars().noneMatch(c -> c == 0xFFFD || (c >= 0x80 && c <= 0x9F)), id + ": badly decoded");
      assertNotNull(CoverSheet.parse(id, text).abstractText(), id + " has no abstract");
      sheetsWithCurlyQuotes += text.matches("(?s).*[\\u2018\\u2019\\u201C\\u201D].*") ? 1 : 0;
    }
    assertTrue(sheetsWithCurlyQuotes > 100, "expected curly quotes decoded from 0x91-0x94: " + sheetsWithCurlyQuotes);

    // 135A: organisation wraps onto a second line
    assertEquals("Group of individuals and Civil Society Organizations from Latin America",
        parse(source, "135").organisation());
  }

  private static CoverSheet parse(Path source, String serial) throws IOException {
    byte[] bytes = Files.readAllBytes(source.resolve(serial + "A.txt"));
    return CoverSheet.parse(serial, new String(bytes, NetmundialImporter.SOURCE_CHARSET));
  }

  /** The real folder beside the checkout; the test is skipped, with the reason, where it is absent. */
  static Path realFolder() {
    Path source = TestPaths.netmundial();
    Assumptions.assumeTrue(Files.isDirectory(source),
        "NETmundial folder absent: " + source + " (third-party data kept beside the repo, not in it)");
    return source;
  }
}
