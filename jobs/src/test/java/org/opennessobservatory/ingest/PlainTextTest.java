package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.lzma.LZMACompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.HostileFiles;
import org.opennessobservatory.testing.HostileParsers;

/** Which files skip the parse worker: plain text, as AutoDetectParser would detect it; nothing else runs in process. */
class PlainTextTest {
  private static final String NOTES = "Remote hubs in four cities followed the session; the chair read out their "
      + "questions \u2013 three on connectivity, one on the \u201cGlobal Digital Compact\u201d.";

  @Test
  void textInAnyCommonEncodingIsPlainText() {
    assertTrue(isText(NOTES.getBytes(StandardCharsets.UTF_8), "notes.txt"));
    assertTrue(isText(NOTES.getBytes(Charset.forName("windows-1252")), "notes.txt"));
    assertTrue(isText(NOTES.getBytes(StandardCharsets.UTF_8), "notes-without-extension"));
    assertTrue(isText(NOTES.getBytes(StandardCharsets.UTF_8), "text-misnamed.pdf"));
  }

  @Test
  void structuredFormatsGoToTheWorkerWhateverTheirName() {
    assertFalse(isText(("<!DOCTYPE html><html><body><p>" + NOTES + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8), "page.html"));
    assertFalse(isText(("{\\rtf1\\ansi " + NOTES + "}").getBytes(StandardCharsets.US_ASCII), "notes.txt"));
    assertFalse(isText("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "notes.txt"));
    assertFalse(isText(HostileFiles.docx(), "notes.txt"));
    assertFalse(isText(HostileFiles.zipBomb(1), "notes.txt"));
    assertFalse(isText(HostileFiles.htmlWithScriptAndExternalEntity(), "notes.txt"));
    assertFalse(isText(("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;"
        + "</r>").getBytes(StandardCharsets.UTF_8), "notes.txt"));
  }

  /** A parser that never returns must stay where it can be killed, even under a name that says text. */
  @Test
  void theTestTypesOfMisbehavingParsersGoToTheWorker() {
    assertFalse(isText(HostileParsers.SPIN, "hangs.txt"));
    assertFalse(isText(HostileParsers.CRASH, "crashes.txt"));
    assertFalse(isText(HostileParsers.HUNGRY, "fills-the-heap.txt"));
  }

  /**
   * An old (V7) tar has no magic the type registry knows, so under a .txt name the registry alone calls it text; the
   * container detectors that AutoDetectParser runs know it, and so does PlainText. The same for an LZMA stream.
   */
  @Test
  void archivesThatOnlyTheContainerDetectorsKnowAreNotText() throws IOException {
    byte[] tar = v7Tar();
    assertFalse(isText(tar, "notes.txt"));
    assertFalse(isText(tar, "notes"));
    assertFalse(isText(lzma(tar), "notes.txt"));
  }

  /** Whatever reaches the in-process parse, only the text parser runs: an archive is turned down, not opened. */
  @Test
  void theInProcessParseKnowsTextOnlyAndGivesWhatTheWorkerWould() throws IOException {
    // Given the registry's answer (text/plain, for a V7 tar named .txt), the container detectors still run.
    byte[] tar = v7Tar();
    ParseResult archive = TikaExtraction.extractPlainText(tar, "notes.txt", 100_000,
        PlainText.detect(tar, "notes.txt").registryType());
    assertEquals(RejectReason.UNSUPPORTED, archive.reject(), archive::message);
    byte[] text = NOTES.getBytes(Charset.forName("windows-1252"));
    ParseResult here = TikaExtraction.extractPlainText(text, "notes.txt", 100_000,
        PlainText.detect(text, "notes.txt").registryType());
    ParseResult anywhere = TikaExtraction.extract(text, "notes.txt", 100_000, 10, null);
    assertEquals(NOTES, here.text().strip());
    assertEquals(List.of(anywhere.text(), anywhere.parser(), anywhere.mediaType(), anywhere.charset()),
        List.of(here.text(), here.parser(), here.mediaType(), here.charset()));
    assertEquals("org.apache.tika.parser.csv.TextAndCSVParser", here.parser());
  }

  private static boolean isText(byte[] bytes, String fileName) {
    return PlainText.detect(bytes, fileName).plain();
  }

  /** A tar of a text and an HTML file, its headers without the "ustar" magic, as tar wrote them before POSIX. */
  private static byte[] v7Tar() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (String[] member : new String[][] {{"a.txt", NOTES}, {"b.html", "<html><body><p>inside</p></body></html>"}}) {
        byte[] b = member[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(member[0]);
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
      }
    }
    byte[] bytes = out.toByteArray();
    for (int header = 0; header + 512 <= bytes.length; header += 512) {
      if (new String(bytes, header + 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
        Arrays.fill(bytes, header + 257, header + 265, (byte) 0); // magic and version
        Arrays.fill(bytes, header + 148, header + 156, (byte) ' '); // the checksum counts itself as spaces
        long sum = 0;
        for (int i = 0; i < 512; i++) {
          sum += bytes[header + i] & 0xff;
        }
        byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, bytes, header + 148, 8);
      }
    }
    return bytes;
  }

  private static byte[] lzma(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LZMACompressorOutputStream lzma = new LZMACompressorOutputStream(out)) {
      lzma.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void bytesThatAreNotTextAreNotTextEvenWithoutMagic() {
    assertFalse(isText(HostileFiles.randomBytes(4096, 1), "garbage.pdf"));
    assertFalse(isText(HostileFiles.randomBytes(4096, 1), "garbage"));
  }
}
