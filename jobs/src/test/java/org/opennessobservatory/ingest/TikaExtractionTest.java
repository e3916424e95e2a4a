package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.generate.FormatWriters;
import org.opennessobservatory.testing.HostileFiles;

/** One in-process parse per file kind: each good file gives text, each bad one the right reject reason. */
class TikaExtractionTest {
  private static ParseResult parse(byte[] bytes, String name) {
    return TikaExtraction.extract(bytes, name, ParseLimits.DEFAULTS.maxChars(), ParseLimits.DEFAULTS.maxEmbedded(),
        null);
  }

  @Test
  void extractsTextAndMetadataFromEveryFormat() {
    FormatWriters.Doc doc = HostileFiles.REPORT;
    for (String ext : new String[] {"pdf", "docx", "odt", "rtf", "html", "txt"}) {
      byte[] bytes = switch (ext) {
        case "pdf" -> FormatWriters.pdf(doc);
        case "docx" -> FormatWriters.docx(doc);
        case "odt" -> FormatWriters.odt(doc);
        case "rtf" -> FormatWriters.rtf(doc);
        case "html" -> FormatWriters.html(doc);
        default -> FormatWriters.txt(doc);
      };
      ParseResult r = parse(bytes, "report." + ext);
      assertTrue(r.ok(), ext + ": " + r.message());
      assertTrue(r.text().contains("meaningful connectivity in rural areas"), ext + ": " + r.text());
      assertFalse(r.truncated());
      assertTrue(r.parser() != null && r.mediaType() != null, ext);
    }
    ParseResult pdf = parse(FormatWriters.pdf(doc), "report.pdf");
    assertEquals("application/pdf", pdf.mediaType());
    assertEquals("org.apache.tika.parser.pdf.PDFParser", pdf.parser());
    assertEquals(1, pdf.pageCount());
    assertEquals("Session report", pdf.title());
  }

  @Test
  void badFilesGetTheirReason() {
    assertEquals(RejectReason.CORRUPT, parse(HostileFiles.truncatedPdf(), "cut.pdf").reject());
    assertEquals(RejectReason.ENCRYPTED, parse(HostileFiles.encryptedPdf(), "locked.pdf").reject());
    assertEquals(RejectReason.EMPTY, parse(new byte[0], "empty.docx").reject());
    RejectReason random = parse(HostileFiles.randomBytes(4096, 1), "x.pdf").reject();
    assertTrue(random == RejectReason.CORRUPT || random == RejectReason.UNSUPPORTED, "random bytes: " + random);
    assertEquals(RejectReason.NO_TEXT, parse("   \n\n  ".getBytes(StandardCharsets.UTF_8), "blank.txt").reject());
  }

  @Test
  void aZipBombIsStoppedAndRejected() {
    ParseResult r = parse(HostileFiles.zipBomb(200), "bomb.zip");
    assertEquals(RejectReason.ZIP_BOMB, r.reject(), r.message());
  }

  @Test
  void theWriteLimitTruncatesInsteadOfFailing() {
    ParseResult r = TikaExtraction.extract("word ".repeat(10_000).getBytes(StandardCharsets.UTF_8), "long.txt",
        1000, 10, null);
    assertTrue(r.ok());
    assertTrue(r.truncated());
    assertEquals(1000, r.text().length());
  }

  @Test
  void legacyEncodingsAreDecoded() {
    ParseResult cp1252 = parse(HostileFiles.windows1252Text(), "summary.txt");
    assertTrue(cp1252.text().contains("The Chair\u2019s summary \u2013 \u201cr\u00e9sum\u00e9\u201d"),
        cp1252.charset() + ": " + cp1252.text());
    ParseResult utf16 = parse(HostileFiles.utf16Text(), "utf16.txt");
    assertTrue(utf16.text().contains("Gen\u00e8ve and K\u00f6ln"), utf16.charset() + ": " + utf16.text());
  }

  @Test
  void scriptsAndExternalEntitiesDoNotReachTheText() {
    ParseResult r = parse(HostileFiles.htmlWithScriptAndExternalEntity(), "programme.html");
    assertTrue(r.ok(), r.message());
    assertTrue(r.text().contains("Main session on data governance"), r.text());
    assertFalse(r.text().contains("injected script text"), r.text());
    assertFalse(r.text().contains("root:"), "the external entity must not be resolved: " + r.text());
    assertNull(r.reject());
  }
}
