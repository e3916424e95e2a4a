package org.opennessobservatory.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Renders a simple document (title, author, paragraphs) to the bytes of common office formats.
 *
 * <p>Every writer is deterministic: the same {@link Doc} gives the same bytes on every run and machine, because
 * document ids are SHA-256 of the bytes and committed sample files are compared byte for byte. Hence fixed dates,
 * fixed zip entry times, ids derived from the content, and no Deflate anywhere (zlib builds differ between
 * platforms, so compressed bytes could too): zip entries are STORED and PDF streams are left uncompressed.
 *
 * <p>Inside a paragraph a single {@code '\n'} is a line break and leading spaces are kept, so transcripts keep
 * their layout (one turn per line, indented labels).
 */
public final class FormatWriters {
  private FormatWriters() {}

  /** A document to render. {@code title} and {@code author} may be empty; they go to metadata and a heading. */
  public record Doc(String title, String author, List<String> paragraphs) {
    public Doc {
      title = title == null ? "" : title;
      author = author == null ? "" : author;
      paragraphs = List.copyOf(paragraphs);
    }
  }

  /** The one date written into every file's metadata and zip entries. */
  public static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0, 0);

  // ---------------------------------------------------------------- TXT and HTML

  public static byte[] txt(Doc doc) {
    StringBuilder sb = new StringBuilder();
    if (!doc.title().isEmpty()) {
      sb.append(doc.title()).append("\n\n");
    }
    for (String p : doc.paragraphs()) {
      sb.append(p).append("\n\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] html(Doc doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<title>").append(escapeXml(doc.title())).append("</title>\n");
    if (!doc.author().isEmpty()) {
      sb.append("<meta name=\"author\" content=\"").append(escapeXml(doc.author())).append("\">\n");
    }
    sb.append("</head>\n<body>\n");
    if (!doc.title().isEmpty()) {
      sb.append("<h1>").append(escapeXml(doc.title())).append("</h1>\n");
    }
    for (String p : doc.paragraphs()) {
      sb.append("<p>").append(escapeXml(p).replace("\n", "<br>\n")).append("</p>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- RTF

  public static byte[] rtf(Doc doc) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n{\\fonttbl{\\f0\\fswiss Helvetica;}}\n");
    sb.append("{\\info{\\title ").append(escapeRtf(doc.title())).append("}{\\author ")
        .append(escapeRtf(doc.author())).append("}{\\creatim\\yr2020\\mo1\\dy1\\hr0\\min0}}\n");
    sb.append("\\f0\\fs22\n");
    if (!doc.title().isEmpty()) {
      sb.append("{\\pard\\b\\fs28 ").append(escapeRtf(doc.title())).append("\\par}\n");
    }
    for (String p : doc.paragraphs()) {
      sb.append("{\\pard ").append(escapeRtf(p).replace("\n", "\\line\n")).append("\\par}\n");
    }
    sb.append("}\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** RTF is 7-bit: anything beyond ASCII becomes {@code \\uN?} (N a signed 16-bit UTF-16 unit, '?' the fallback). */
  static String escapeRtf(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '{' || c == '}') {
        sb.append('\\').append(c);
      } else if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
        sb.append(c);
      } else if (c == '\t') {
        sb.append("\\tab ");
      } else if (c < 0x20) {
        sb.append(' ');
      } else {
        sb.append("\\u").append((int) (short) c).append('?');
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- ODT

  public static byte[] odt(Doc doc) {
    String office = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"";
    String text = "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
    StringBuilder content = new StringBuilder();
    content.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ").append(office)
        .append(' ').append(text).append(" office:version=\"1.2\">\n<office:body>\n<office:text>\n");
    if (!doc.title().isEmpty()) {
      content.append("<text:h text:outline-level=\"1\">").append(odfText(doc.title())).append("</text:h>\n");
    }
    for (String p : doc.paragraphs()) {
      content.append("<text:p>").append(odfText(p)).append("</text:p>\n");
    }
    content.append("</office:text>\n</office:body>\n</office:document-content>\n");

    String date = FIXED_TIME.toString() + ":00";
    String meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta " + office
        + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\">\n<office:meta>\n"
        + "<meta:generator>OpennessObservatory/FormatWriters</meta:generator>\n"
        + "<dc:title>" + escapeXml(doc.title()) + "</dc:title>\n"
        + "<meta:initial-creator>" + escapeXml(doc.author()) + "</meta:initial-creator>\n"
        + "<dc:creator>" + escapeXml(doc.author()) + "</dc:creator>\n"
        + "<meta:creation-date>" + date + "</meta:creation-date>\n"
        + "<dc:date>" + date + "</dc:date>\n"
        + "</office:meta>\n</office:document-meta>\n";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
        + " manifest:version=\"1.2\">\n"
        + " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
        + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
        + " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
        + " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
        + "</manifest:manifest>\n";

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // The ODF spec wants "mimetype" first and uncompressed: detectors read it at a fixed offset.
      putStored(zip, "mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
      putStored(zip, "content.xml", content.toString().getBytes(StandardCharsets.UTF_8));
      putStored(zip, "meta.xml", meta.getBytes(StandardCharsets.UTF_8));
      putStored(zip, "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** ODF collapses runs of spaces and ignores newlines in text, so both need explicit elements. */
  private static String odfText(String s) {
    StringBuilder sb = new StringBuilder();
    String[] lines = s.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        sb.append("<text:line-break/>");
      }
      String line = lines[i];
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') {
        lead++;
      }
      if (lead > 0) {
        sb.append("<text:s text:c=\"").append(lead).append("\"/>");
      }
      sb.append(escapeXml(line.substring(lead)));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- DOCX

  public static byte[] docx(Doc doc) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (XWPFDocument d = new XWPFDocument()) {
      // POI stamps "now" into the core properties of a new package: overwrite every date it might write.
      var core = d.getProperties().getCoreProperties();
      core.setTitle(doc.title());
      core.setCreator(doc.author());
      core.setCreated(Optional.of(fixedDate()));
      core.setModified(Optional.of(fixedDate()));
      core.getUnderlyingProperties().setLastModifiedByProperty(Optional.of(doc.author()));
      if (!doc.title().isEmpty()) {
        XWPFRun run = d.createParagraph().createRun();
        run.setBold(true);
        run.setFontSize(14);
        run.setText(doc.title());
      }
      for (String p : doc.paragraphs()) {
        XWPFParagraph para = d.createParagraph();
        XWPFRun run = para.createRun();
        String[] lines = p.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (i > 0) {
            run.addBreak();
          }
          run.setText(lines[i], i);
        }
      }
      d.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return storedZip(raw.toByteArray());
  }

  /** Rewrites a zip with fixed entry times and STORED entries, keeping entry order and contents. */
  static byte[] storedZip(byte[] zipBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        putStored(zip, e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    entry.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    // Local time, not epoch millis: setTime(long) would depend on the machine's time zone.
    entry.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }

  // ---------------------------------------------------------------- PDF

  public static byte[] pdf(Doc doc) {
    return savePdf(doc, null);
  }

  /**
   * A PDF that opens only with {@code userPassword}. RC4 128-bit, because PDFBox's AES writes a random IV per
   * string and stream and AES-256 a random file key, which would make the bytes differ on every run.
   */
  public static byte[] encryptedPdf(Doc doc, String userPassword, String ownerPassword) {
    StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
        new AccessPermission());
    policy.setEncryptionKeyLength(128);
    policy.setPreferAES(false);
    return savePdf(doc, policy);
  }

  private static final float MARGIN = 56f;
  private static final float FONT_SIZE = 11f;
  private static final float TITLE_SIZE = 15f;
  private static final float LEADING = 1.4f;

  private static byte[] savePdf(Doc doc, StandardProtectionPolicy policy) {
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PdfCursor cursor = new PdfCursor(pdf);
      if (!doc.title().isEmpty()) {
        for (String line : wrap(winAnsi(doc.title(), bold), bold, TITLE_SIZE, cursor.width())) {
          cursor.line(bold, TITLE_SIZE, line);
        }
        cursor.gap(FONT_SIZE);
      }
      for (String p : doc.paragraphs()) {
        for (String rawLine : winAnsi(p, font).split("\n", -1)) {
          for (String line : wrap(rawLine, font, FONT_SIZE, cursor.width())) {
            cursor.line(font, FONT_SIZE, line);
          }
        }
        cursor.gap(FONT_SIZE * 0.6f);
      }
      cursor.close();

      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(doc.title());
      info.setAuthor(doc.author());
      info.setProducer("OpennessObservatory/FormatWriters");
      info.setCreationDate(fixedCalendar());
      info.setModificationDate(fixedCalendar());
      // Without an /ID PDFBox derives one from the clock; it also seeds the RC4 key, so it must be fixed.
      byte[] id = contentId(doc);
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      pdf.getDocument().setDocumentID(ids);
      if (policy != null) {
        pdf.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lays out lines top to bottom, starting a new page when the current one is full. */
  private static final class PdfCursor {
    private final PDDocument pdf;
    private final PDRectangle box = PDRectangle.A4;
    private PDPageContentStream stream;
    private float y;

    PdfCursor(PDDocument pdf) {
      this.pdf = pdf;
    }

    float width() {
      return box.getWidth() - 2 * MARGIN;
    }

    void line(PDType1Font font, float size, String text) throws IOException {
      float step = size * LEADING;
      if (stream == null || y - step < MARGIN) {
        newPage();
      }
      y -= step;
      if (!text.isEmpty()) {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(text);
        stream.endText();
      }
    }

    void gap(float height) {
      y -= height;
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(box);
      pdf.addPage(page);
      // Uncompressed content streams: see the class comment.
      stream = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.OVERWRITE, false);
      y = box.getHeight() - MARGIN;
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }

  /**
   * The standard 14 fonts are not embedded and show only WinAnsiEncoding (Latin-1 plus curly quotes, dashes,
   * euro, …). Other characters are mapped to a close ASCII form where one is obvious, else to '?', so that any
   * input renders instead of failing; callers who need other scripts need an embedded font.
   */
  static String winAnsi(String s, PDType1Font font) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp == '\n') {
        sb.append('\n');
        return;
      }
      if (cp == '\t') {
        sb.append("    ");
        return;
      }
      String c = new String(Character.toChars(cp));
      if (encodable(font, c)) {
        sb.append(c);
      } else if (cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2212) {
        sb.append('-');
      } else if (cp == 0x00A0 || cp == 0x202F || cp == 0x2009) {
        sb.append(' ');
      } else {
        sb.append('?');
      }
    });
    return sb.toString();
  }

  private static boolean encodable(PDType1Font font, String c) {
    try {
      font.encode(c);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** Greedy word wrap; a word longer than the width is cut. Leading spaces (indentation) are kept. */
  static List<String> wrap(String line, PDType1Font font, float size, float width) throws IOException {
    List<String> out = new ArrayList<>();
    if (textWidth(line, font, size) <= width) {
      out.add(line);
      return out;
    }
    StringBuilder current = new StringBuilder();
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    current.append(line, 0, lead);
    for (String word : line.substring(lead).split(" +")) {
      String candidate = current.length() == 0 || current.toString().isBlank() ? current + word : current + " " + word;
      if (textWidth(candidate, font, size) <= width) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (!current.toString().isBlank()) {
        out.add(current.toString());
      }
      current.setLength(0);
      String rest = word;
      while (textWidth(rest, font, size) > width) {
        int cut = rest.length() - 1;
        while (cut > 1 && textWidth(rest.substring(0, cut), font, size) > width) {
          cut--;
        }
        out.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      current.append(rest);
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private static float textWidth(String s, PDType1Font font, float size) throws IOException {
    return font.getStringWidth(s) / 1000f * size;
  }

  // ---------------------------------------------------------------- helpers

  static String escapeXml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          // XML 1.0 forbids most control characters; drop them rather than write an unreadable file.
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static Date fixedDate() {
    return fixedCalendar().getTime();
  }

  private static Calendar fixedCalendar() {
    Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    cal.clear();
    cal.set(FIXED_TIME.getYear(), FIXED_TIME.getMonthValue() - 1, FIXED_TIME.getDayOfMonth(), 0, 0, 0);
    return cal;
  }

  /** 16 bytes from the content: distinct documents get distinct PDF ids, equal ones equal ids. */
  private static byte[] contentId(Doc doc) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(doc.title().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(doc.author().getBytes(StandardCharsets.UTF_8));
      for (String p : doc.paragraphs()) {
        md.update((byte) 0);
        md.update(p.getBytes(StandardCharsets.UTF_8));
      }
      byte[] full = md.digest();
      byte[] id = new byte[16];
      System.arraycopy(full, 0, id, 0, 16);
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
