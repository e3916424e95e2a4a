package org.opennessobservatory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

class Utf8TextTest {
  private static final String TABLE = "path,author_organisation\nigf/2023/Sesión.txt,Société civile\n";

  @Test
  void utf8TextIsReadWhole() throws IOException {
    assertEquals(TABLE, Utf8Text.read(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)), "m.csv"));
    assertEquals("\ufeff" + TABLE, Utf8Text.read(new ByteArrayInputStream(("\ufeff" + TABLE)
        .getBytes(StandardCharsets.UTF_8)), "m.csv"), "a byte order mark is the table reader's to drop");
  }

  @Test
  void aSpreadsheetSavedAsWindows1252IsAFaultNamingTheLine() {
    byte[] cp1252 = TABLE.getBytes(Charset.forName("windows-1252"));
    UserException e = assertThrows(UserException.class, () -> Utf8Text.read(new ByteArrayInputStream(cp1252),
        "corpus/manifest.csv"));
    assertEquals("corpus/manifest.csv line 2 is not UTF-8 text (byte 0xF3): save the file as UTF-8 (in a "
        + "spreadsheet, \"CSV UTF-8\")", e.getMessage());
    for (String lineEnd : new String[] {"\r\n", "\r"}) {
      byte[] other = TABLE.replace("\n", lineEnd).getBytes(Charset.forName("windows-1252"));
      assertEquals("m.csv line 2", assertThrows(UserException.class, () -> Utf8Text.read(
          new ByteArrayInputStream(other), "m.csv")).getMessage().substring(0, 12), "line ends " + lineEnd.length());
    }
  }
}
