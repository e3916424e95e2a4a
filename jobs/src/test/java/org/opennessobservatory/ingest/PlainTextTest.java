package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.HostileFiles;
import org.opennessobservatory.testing.HostileParsers;

/** Which files skip the parse worker: plain text by its bytes; the name never sends other bytes in process. */
class PlainTextTest {
  private static final String NOTES = "Remote hubs in four cities followed the session; the chair read out their "
      + "questions \u2013 three on connectivity, one on the \u201cGlobal Digital Compact\u201d.";

  @Test
  void textInAnyCommonEncodingIsPlainText() {
    assertTrue(PlainText.is(NOTES.getBytes(StandardCharsets.UTF_8), "notes.txt"));
    assertTrue(PlainText.is(NOTES.getBytes(Charset.forName("windows-1252")), "notes.txt"));
    assertTrue(PlainText.is(NOTES.getBytes(StandardCharsets.UTF_8), "notes-without-extension"));
    assertTrue(PlainText.is(NOTES.getBytes(StandardCharsets.UTF_8), "text-misnamed.pdf"));
  }

  @Test
  void structuredFormatsGoToTheWorkerWhateverTheirName() {
    assertFalse(PlainText.is(("<!DOCTYPE html><html><body><p>" + NOTES + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8), "page.html"));
    assertFalse(PlainText.is(("{\\rtf1\\ansi " + NOTES + "}").getBytes(StandardCharsets.US_ASCII), "notes.txt"));
    assertFalse(PlainText.is("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "notes.txt"));
    assertFalse(PlainText.is(HostileFiles.docx(), "notes.txt"));
    assertFalse(PlainText.is(HostileFiles.zipBomb(1), "notes.txt"));
    assertFalse(PlainText.is(HostileFiles.htmlWithScriptAndExternalEntity(), "notes.txt"));
    assertFalse(PlainText.is(("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;"
        + "</r>").getBytes(StandardCharsets.UTF_8), "notes.txt"));
  }

  /** A parser that never returns must stay where it can be killed, even under a name that says text. */
  @Test
  void theTestTypesOfMisbehavingParsersGoToTheWorker() {
    assertFalse(PlainText.is(HostileParsers.SPIN, "hangs.txt"));
    assertFalse(PlainText.is(HostileParsers.CRASH, "crashes.txt"));
    assertFalse(PlainText.is(HostileParsers.HUNGRY, "fills-the-heap.txt"));
  }

  @Test
  void bytesThatAreNotTextAreNotTextEvenWithoutMagic() {
    assertFalse(PlainText.is(HostileFiles.randomBytes(4096, 1), "garbage.pdf"));
    assertFalse(PlainText.is(HostileFiles.randomBytes(4096, 1), "garbage"));
  }
}
