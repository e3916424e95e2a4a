package org.opennessobservatory.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FormatWritersTest {

  // Long enough to wrap in the PDF and to spill onto a second page; with non-ASCII, markup and RTF specials.
  private static final String LONG = "Access remains uneven: " + "rural schools report slow and costly links. ".repeat(60);
  static final FormatWriters.Doc DOC = new FormatWriters.Doc(
      "Messages from the Forum — 2024 draft",
      "Amara Okafor",
      List.of(
          "Participants from São Paulo and Kraków asked for “open” consultations & <public> records.",
          ">> MODERATOR:  Welcome everyone.\n    >> JOHN DOE: Thank you {braces} and \\backslash.",
          LONG,
          "Ellipsis … and a non-breaking‑hyphen and Ω."));

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("pdf", (Function<FormatWriters.Doc, byte[]>) FormatWriters::pdf, "application/pdf"),
        Arguments.of("docx", (Function<FormatWriters.Doc, byte[]>) FormatWriters::docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Arguments.of("odt", (Function<FormatWriters.Doc, byte[]>) FormatWriters::odt,
            "application/vnd.oasis.opendocument.text"),
        Arguments.of("rtf", (Function<FormatWriters.Doc, byte[]>) FormatWriters::rtf, "application/rtf"),
        Arguments.of("html", (Function<FormatWriters.Doc, byte[]>) FormatWriters::html, "text/html"),
        Arguments.of("txt", (Function<FormatWriters.Doc, byte[]>) FormatWriters::txt, "text/plain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void parsesBackWithTheRightTypeAndText(String name, Function<FormatWriters.Doc, byte[]> writer, String type)
      throws Exception {
    Metadata metadata = new Metadata();
    String text = parse(writer.apply(DOC), metadata);
    assertEquals(type, metadata.get(Metadata.CONTENT_TYPE).replaceAll(";.*", ""), name);
    String flat = text.replaceAll("\\s+", " ");
    assertTrue(flat.contains("Participants from São Paulo and Kraków asked for"), name + ": " + flat);
    assertTrue(flat.contains("consultations & <public> records."), name);
    assertTrue(flat.contains("JOHN DOE: Thank you {braces} and \\backslash."), name);
    assertTrue(flat.contains("Welcome everyone."), name);
    assertTrue(flat.contains("rural schools report slow and costly links. rural"), name);
    assertTrue(flat.contains("Ellipsis … and a non-breaking"), name);
    assertTrue(flat.contains("Messages from the Forum — 2024 draft"), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rendersAreByteIdentical(String name, Function<FormatWriters.Doc, byte[]> writer, String type) {
    assertArrayEquals(writer.apply(DOC), writer.apply(new FormatWriters.Doc(DOC.title(), DOC.author(),
        List.copyOf(DOC.paragraphs()))), name);
    FormatWriters.Doc other = new FormatWriters.Doc(DOC.title(), DOC.author(), List.of("Something else."));
    assertFalse(java.util.Arrays.equals(writer.apply(DOC), writer.apply(other)), name);
  }

  @Test
  void encryptedPdfIsDeterministicAndRefusedByTika() {
    byte[] a = FormatWriters.encryptedPdf(DOC, "secret", "owner");
    assertArrayEquals(a, FormatWriters.encryptedPdf(DOC, "secret", "owner"));
    assertThrows(EncryptedDocumentException.class, () -> parse(a, new Metadata()));
  }

  @Test
  void pdfWrapsLongParagraphsOntoMorePages() throws Exception {
    FormatWriters.Doc longDoc = new FormatWriters.Doc("Long", "", List.of(LONG, LONG, LONG));
    Metadata metadata = new Metadata();
    parse(FormatWriters.pdf(longDoc), metadata);
    assertTrue(Integer.parseInt(metadata.get("xmpTPg:NPages")) >= 2);
  }

  @Test
  void rtfEscapesNonAscii() {
    assertEquals("S\\u227?o \\{x\\} \\u8220?q\\u8221?", FormatWriters.escapeRtf("São {x} “q”"));
  }

  static String parse(byte[] bytes, Metadata metadata) throws Exception {
    BodyContentHandler handler = new BodyContentHandler(-1);
    new AutoDetectParser().parse(new ByteArrayInputStream(bytes), handler, metadata, new ParseContext());
    return handler.toString();
  }
}
