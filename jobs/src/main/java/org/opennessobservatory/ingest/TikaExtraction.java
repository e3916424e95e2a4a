package org.opennessobservatory.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * One bounded Tika parse of one file's bytes, in the calling thread. Run inside a {@link ParseWorkerMain} process so
 * that a parse which never returns can be killed; tests call it directly.
 */
public final class TikaExtraction {
  private TikaExtraction() {}

  // AutoDetectParser is stateless between parses and safe to share; building it scans the service registry once.
  private static final class Holder {
    static final AutoDetectParser PARSER = new AutoDetectParser();
  }

  /** Loads every parser class up front, so that the first real parse is not charged for it. */
  static void warmUp() {
    extract(new byte[] {'w', 'a', 'r', 'm'}, "warm-up.txt", 100, 0);
  }

  /**
   * @param maxChars write limit: text beyond it is dropped and the result marked truncated
   * @param maxEmbedded how many embedded documents (attachments, archive entries) to open; the rest are skipped
   */
  public static ParseResult extract(byte[] bytes, String fileName, int maxChars, int maxEmbedded) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    ParseContext context = new ParseContext();
    LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, maxEmbedded);
    context.set(EmbeddedDocumentExtractor.class, embedded);
    context.set(Parser.class, Holder.PARSER);
    boolean truncated = false;
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
      Holder.PARSER.parse(in, handler, metadata, context);
    } catch (Throwable t) {
      if (WriteLimitReachedException.isWriteLimitReached(t)) {
        truncated = true;
      } else {
        if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) {
          throw (VirtualMachineError) t;
        }
        return ParseResult.failure(RejectReason.classify(t), t.getClass().getName(), firstLine(t));
      }
    }
    String charset = metadata.get(HttpHeaders.CONTENT_ENCODING);
    String text = handler.toString();
    if ("ISO-8859-1".equalsIgnoreCase(charset) && hasC1Controls(text)) {
      // Text labelled Latin-1 that holds C1 controls is Windows-1252 (curly quotes, dashes, euro): decode as
      // browsers do (WHATWG Encoding: the label "iso-8859-1" means windows-1252).
      text = c1AsWindows1252(text);
      charset = "windows-1252";
    }
    String[] parsers = metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY);
    String parser = parsers.length == 0 ? null : parsers[parsers.length - 1];
    if (parser != null && parser.endsWith(".EmptyParser")) {
      return ParseResult.failure(RejectReason.UNSUPPORTED, null,
          "no parser for media type " + metadata.get(Metadata.CONTENT_TYPE));
    }
    if (text.isBlank() && "application/pdf".equals(baseType(metadata)) && !endsWithEofMarker(bytes)) {
      // PDFBox recovers what it can from a cut file silently; with nothing recovered, the cut is the story.
      return ParseResult.failure(RejectReason.CORRUPT, null, "truncated PDF: no %%EOF marker at the end");
    }
    if (text.isBlank()) {
      return ParseResult.failure(RejectReason.NO_TEXT, null,
          "the " + shortName(parser) + " found no text in this " + metadata.get(Metadata.CONTENT_TYPE));
    }
    return new ParseResult(null, null, null, text, truncated, embedded.skipped(), baseType(metadata),
        parser, blankToNull(metadata.get(TikaCoreProperties.TITLE)),
        blankToNull(metadata.get(TikaCoreProperties.CREATOR)), metadata.get(TikaCoreProperties.CREATED),
        metadata.get(TikaCoreProperties.MODIFIED), metadata.getInt(PagedText.N_PAGES), charset);
  }

  private static boolean hasC1Controls(String text) {
    return text.chars().anyMatch(c -> c >= 0x80 && c <= 0x9F);
  }

  /** Latin-1 decoded chars U+0080-U+009F are the bytes 0x80-0x9F: re-read each as Windows-1252. */
  static String c1AsWindows1252(String text) {
    java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 0x80 && c <= 0x9F ? new String(new byte[] {(byte) c}, cp1252) : String.valueOf(c));
    }
    return out.toString();
  }

  /** The PDF format ends every file (and every incremental update) with "%%EOF", within the last kilobyte. */
  private static boolean endsWithEofMarker(byte[] bytes) {
    int from = Math.max(0, bytes.length - 1024);
    String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    return tail.contains("%%EOF");
  }

  private static String baseType(Metadata metadata) {
    String type = metadata.get(Metadata.CONTENT_TYPE);
    if (type == null) {
      return null;
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
  }

  private static String shortName(String parser) {
    return parser == null ? "parser" : parser.substring(parser.lastIndexOf('.') + 1);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage().strip();
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 500 ? line.substring(0, 500) + "…" : line;
  }

  /** Opens at most {@code max} embedded documents; counts the ones it skips. */
  private static final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int max;
    private int seen;

    LimitedEmbeddedExtractor(ParseContext context, int max) {
      super(context);
      this.max = max;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return ++seen <= max && super.shouldParseEmbedded(metadata);
    }

    int skipped() {
      return Math.max(0, seen - max);
    }
  }
}
