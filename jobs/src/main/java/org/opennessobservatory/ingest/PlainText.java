package org.opennessobservatory.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Which files are parsed in the task's own thread rather than in the parse worker: plain text, as Tika's detection
 * calls it — the detection AutoDetectParser itself runs, container detectors included, since the type registry alone
 * calls any bytes named {@code .txt} that match no magic plain text, an old tar or an LZMA stream among them. The
 * parse then uses a parser that knows text only ({@link TikaExtraction#extractPlainText}), so that no other parser
 * ever runs outside the worker. Decoding text costs time in proportion to its bytes, which {@code --max-file-size}
 * bounds, and keeps at most {@code --max-chars}: it has no input on which it never returns. The formats with
 * structure (PDF, Office, HTML, RTF, archives), whose parsers have had inputs that loop or fill the heap, stay in the
 * killable worker. Plain text is the bulk of a transcript corpus, and parsed in process it skips the trip to the
 * worker and runs with the task JVM's fully optimising compiler (the worker's stops at C1, see
 * {@link ParseWorker#start}): measured, about half the CPU per text file.
 */
final class PlainText {
  private PlainText() {}

  private static final TikaConfig CONFIG = TikaConfig.getDefaultConfig();
  private static final MimeTypes REGISTRY = CONFIG.getMimeRepository();
  private static final Detector DETECTOR = GivenRegistryType.within(CONFIG);

  /**
   * What Tika's detection makes of a file: its type registry's answer (sent on with the file, so that its parse
   * need not ask again, see {@link GivenRegistryType}), and whether the full detection calls it exactly
   * {@code text/plain}.
   */
  record Detected(MediaType registryType, boolean plain) {}

  static Detected detect(byte[] bytes, String fileName) {
    try {
      // The registry first: it is cheap and turns down the PDFs and Office files that the container detectors
      // would open to look inside.
      MediaType registryType = detect(REGISTRY, bytes, fileName, null);
      return new Detected(registryType, MediaType.TEXT_PLAIN.equals(registryType)
          && MediaType.TEXT_PLAIN.equals(detect(DETECTOR, bytes, fileName, registryType)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }

  /** What {@code detector} says of the bytes under this name, told the registry's answer when it is not null. */
  static MediaType detect(Detector detector, byte[] bytes, String fileName, MediaType registryType)
      throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    if (registryType != null) {
      metadata.set(GivenRegistryType.KEY, registryType.toString());
    }
    try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
      return detector.detect(in, metadata);
    }
  }
}
