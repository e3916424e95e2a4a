package org.opennessobservatory.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * One bounded Tika parse of one file's bytes, in the calling thread. Run inside a {@link ParseWorkerMain} process so
 * that a parse which never returns can be killed, except for plain text, which the task parses itself (see
 * {@link PlainText}); tests call it directly.
 */
public final class TikaExtraction {
  private TikaExtraction() {}

  // AutoDetectParser is stateless between parses and safe to share; building it scans the service registry once.
  private static final class Holder {
    static final TikaConfig CONFIG = TikaConfig.getDefaultConfig(); // a new one on each call
    static final Detector DETECTOR = GivenRegistryType.within(CONFIG);
    static final AutoDetectParser PARSER = new TypeMappedOnceParser(CONFIG, DETECTOR);
    /**
     * The same detection, but text is all it can parse: whatever the bytes turn out to be, nothing else runs (a
     * type it has no parser for ends as an "unsupported" reject).
     */
    static final AutoDetectParser TEXT_ONLY = new AutoDetectParser(DETECTOR, new TextAndCSVParser());
    static final EncodingDetector ENCODINGS = new Latin1AsWindows1252(CONFIG.getEncodingDetector());
  }

  /** Loads every parser class up front, so that the first real parse is not charged for it. */
  static void warmUp() {
    extract(new byte[] {'w', 'a', 'r', 'm'}, "warm-up.txt", 100, 0, null);
  }

  /**
   * @param maxChars write limit: text beyond it is dropped and the result marked truncated
   * @param maxEmbedded how many embedded documents (attachments, archive entries) to open; the rest are skipped
   * @param registryType what Tika's type registry said of these bytes under this name, when the caller asked it
   *     (see {@link GivenRegistryType}); null: the parse asks
   */
  public static ParseResult extract(byte[] bytes, String fileName, int maxChars, int maxEmbedded,
      MediaType registryType) {
    return extract(Holder.PARSER, bytes, fileName, maxChars, maxEmbedded, registryType);
  }

  /**
   * {@link #extract} of a file that {@link PlainText#detect} calls plain text, by a parser that can parse nothing
   * else: the one Tika picks for {@code text/plain}, so the result is the same as in the worker.
   */
  static ParseResult extractPlainText(byte[] bytes, String fileName, int maxChars, MediaType registryType) {
    return extract(Holder.TEXT_ONLY, bytes, fileName, maxChars, 0, registryType);
  }

  /** {@link #extract} by {@code parserUsed}, for embedded documents too (tests compare with a stock parser). */
  static ParseResult extract(AutoDetectParser parserUsed, byte[] bytes, String fileName, int maxChars,
      int maxEmbedded, MediaType registryType) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    if (registryType != null) {
      metadata.set(GivenRegistryType.KEY, registryType.toString());
    }
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    ParseContext context = new ParseContext();
    LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, maxEmbedded);
    context.set(EmbeddedDocumentExtractor.class, embedded);
    context.set(Parser.class, parserUsed);
    context.set(EncodingDetector.class, Holder.ENCODINGS);
    boolean truncated = false;
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
      parserUsed.parse(in, handler, metadata, context);
    } catch (Throwable t) {
      if (WriteLimitReachedException.isWriteLimitReached(t)) {
        truncated = true;
      } else {
        if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) {
          throw (VirtualMachineError) t;
        }
        return ParseResult.failure(RejectReason.classify(t), t.getClass().getName(), describe(t));
      }
    }
    String charset = metadata.get(HttpHeaders.CONTENT_ENCODING);
    String text = handler.toString();
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

  /** The PDF format ends every file (and every incremental update) with "%%EOF", within the last kilobyte. */
  private static boolean endsWithEofMarker(byte[] bytes) {
    int from = Math.max(0, bytes.length - 1024);
    String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
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

  /**
   * What went wrong, in one line, the same on every run: Tika's wrapper message with object identities removed
   * ("… from PDFParser@e3cee7b"), then the root cause's message, which says what the parser met.
   */
  static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = firstLine(t).replaceAll("@[0-9a-f]{4,}", "");
    if (root == t) {
      return top;
    }
    String cause = firstLine(root).replaceAll("@[0-9a-f]{4,}", "");
    return top + (cause.isEmpty() ? "" : ": " + cause) + " (" + root.getClass().getSimpleName() + ")";
  }

  static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? "" : t.getMessage().strip();
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 500 ? line.substring(0, 500) + "…" : line;
  }

  /**
   * Decodes what the detectors call ISO-8859-1 as Windows-1252, as browsers do (WHATWG Encoding Standard: the label
   * iso-8859-1 means windows-1252). The two differ only in 0x80-0x9F, where Latin-1 has unused control codes and
   * Windows-1252 the curly quotes and dashes of every word-processed text; Tika's Latin-1 decoding turns those
   * into U+FFFD, losing them.
   */
  private static final class Latin1AsWindows1252 implements EncodingDetector {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private final EncodingDetector delegate;

    Latin1AsWindows1252(EncodingDetector delegate) {
      this.delegate = delegate;
    }

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws java.io.IOException {
      Charset detected = delegate.detect(input, metadata);
      return StandardCharsets.ISO_8859_1.equals(detected) ? WINDOWS_1252 : detected;
    }
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
