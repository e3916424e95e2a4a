package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

class ManifestTest {
  private static Manifest parse(String csv) {
    return Manifest.parse(new StringReader(csv), "manifest.csv");
  }

  /** The one-line message of the manifest's only faulty row. */
  private static String fault(String csv) {
    Manifest m = parse(csv);
    assertEquals(1, m.faults().size(), m.faults().toString());
    return m.message(m.faults().values().iterator().next());
  }

  @Test
  void readsKnownColumnsNormalisesPathsAndForumsAndKeepsExtraColumns() {
    Manifest m = parse("""
        path,forum,forum_level,year,doc_type,date,rapporteur
        ./EuroDIG\\2023\\ws 1.txt,EuroDIG,regional,2023,transcript,2023-06-20,  Ana Perez \s
        igf/2024/agenda.pdf,IGF,,2024,agenda,,
        """);
    assertEquals(2, m.rows());
    assertEquals(Map.of(), m.faults());
    ManifestEntry ws = m.entries().get("EuroDIG/2023/ws 1.txt");
    assertEquals("eurodig", ws.get("forum"));
    assertEquals("regional", ws.get("forum_level"));
    assertEquals(Map.of("rapporteur", "Ana Perez"), ws.extra());
    ManifestEntry agenda = m.entries().get("igf/2024/agenda.pdf");
    assertNull(agenda.get("forum_level"), "blank cells are absent, not empty strings");
    assertEquals(Map.of(), agenda.extra());
  }

  @Test
  void aFaultyValueSetsItsRowApartNamingFileLineColumnAndFault() {
    assertEquals("manifest.csv line 2: forum_level 'continental' is not one of global, national, other, "
        + "regional, youth", fault("path,forum_level\na.txt,continental\n"));
    assertEquals("manifest.csv line 3: year '23' is not a year between 1990 and 2100",
        fault("path,year\na.txt,2023\nb.txt,23\n"));
    assertEquals("manifest.csv line 2: date '20/06/2023' is not a date as yyyy-MM-dd",
        fault("path,date\na.txt,20/06/2023\n"));
    assertEquals("manifest.csv line 2: published_on '2023-02-30' is not a date as yyyy-MM-dd",
        fault("path,published_on\na.txt,2023-02-30\n"));
    assertEquals("manifest.csv line 2: doc_type 'minutes' is not one of agenda, announcement, contribution, "
        + "other, outcome, programme, session_report, transcript", fault("path,doc_type\na.txt,minutes\n"));
    assertEquals("manifest.csv line 2: author_stakeholder_group 'media' is not one of academia, civil_society, "
        + "government, intergovernmental, other, private_sector, technical_community, unknown",
        fault("path,author_stakeholder_group\na.txt,media\n"));
  }

  @Test
  void aFaultyRowIsKeyedByItsNormalisedPathAndTheOtherRowsStayValid() {
    Manifest m = parse("path,year,doc_type\n./igf\\b.txt,twenty,minutes\na.txt,2023,agenda\n");
    assertEquals(List.of("a.txt"), List.copyOf(m.entries().keySet()));
    // The first fault in column order is the one named.
    assertEquals(Map.of("igf/b.txt", new Manifest.Fault(2, "year 'twenty' is not a year between 1990 and 2100")),
        m.faults());
  }

  @Test
  void faultsOfTheWholeFileStopTheRunInOneLine() {
    assertEquals("manifest.csv line 3: path 'a.txt' is already listed on line 2",
        assertThrows(UserException.class, () -> parse("path\na.txt\n./a.txt\n")).getMessage());
    assertEquals("manifest.csv line 3: path 'a.txt' is already listed on line 2",
        assertThrows(UserException.class, () -> parse("path,year\na.txt,x\na.txt,2023\n")).getMessage(),
        "a faulty row still claims its path");
    assertEquals("manifest.csv: no 'path' column in the header line (found: file, forum)",
        assertThrows(UserException.class, () -> parse("file,forum\na.txt,igf\n")).getMessage());
    assertEquals("manifest.csv line 2: 3 cells where the header has 2",
        assertThrows(UserException.class, () -> parse("path,forum\na.txt,igf,extra\n")).getMessage());
    assertEquals("manifest.csv line 2: the path cell is empty",
        assertThrows(UserException.class, () -> parse("path,forum\n ,igf\n")).getMessage());
  }
}
