package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

class ManifestTest {
  private static Map<String, ManifestEntry> parse(String csv) {
    return Manifest.parse(new StringReader(csv), "manifest.csv");
  }

  @Test
  void readsKnownColumnsNormalisesPathsAndForumsAndKeepsExtraColumns() {
    Map<String, ManifestEntry> m = parse("""
        path,forum,forum_level,year,doc_type,date,rapporteur
        ./EuroDIG\\2023\\ws 1.txt,EuroDIG,regional,2023,transcript,2023-06-20,  Ana Perez \s
        igf/2024/agenda.pdf,IGF,,2024,agenda,,
        """);
    assertEquals(2, m.size());
    ManifestEntry ws = m.get("EuroDIG/2023/ws 1.txt");
    assertEquals("eurodig", ws.get("forum"));
    assertEquals("regional", ws.get("forum_level"));
    assertEquals(Map.of("rapporteur", "Ana Perez"), ws.extra());
    ManifestEntry agenda = m.get("igf/2024/agenda.pdf");
    assertNull(agenda.get("forum_level"), "blank cells are absent, not empty strings");
    assertEquals(Map.of(), agenda.extra());
  }

  @Test
  void faultsNameFileLineAndWhatToFix() {
    assertEquals("manifest.csv line 2: forum_level 'continental' is not one of global, national, other, "
            + "regional, youth",
        assertThrows(UserException.class, () -> parse("path,forum_level\na.txt,continental\n")).getMessage());
    assertEquals("manifest.csv line 3: year '23' is not a year between 1990 and 2100",
        assertThrows(UserException.class, () -> parse("path,year\na.txt,2023\nb.txt,23\n")).getMessage());
    assertEquals("manifest.csv line 2: date '20/06/2023' is not a date as yyyy-MM-dd",
        assertThrows(UserException.class, () -> parse("path,date\na.txt,20/06/2023\n")).getMessage());
    assertEquals("manifest.csv line 3: path 'a.txt' is already listed on line 2",
        assertThrows(UserException.class, () -> parse("path\na.txt\n./a.txt\n")).getMessage());
    assertEquals("manifest.csv: no 'path' column in the header line (found: file, forum)",
        assertThrows(UserException.class, () -> parse("file,forum\na.txt,igf\n")).getMessage());
    assertEquals("manifest.csv line 2: 3 cells where the header has 2",
        assertThrows(UserException.class, () -> parse("path,forum\na.txt,igf,extra\n")).getMessage());
    assertEquals("manifest.csv line 2: doc_type 'minutes' is not one of agenda, announcement, contribution, "
            + "other, outcome, programme, session_report, transcript",
        assertThrows(UserException.class, () -> parse("path,doc_type\na.txt,minutes\n")).getMessage());
  }
}
