package org.opennessobservatory.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Which files are parsed in the task's own thread rather than in the parse worker: plain text, as Tika's type
 * registry (magic bytes, then name patterns) calls it. Decoding text costs time in proportion to its bytes, which
 * {@code --max-file-size} bounds, and its parser keeps at most {@code --max-chars}: it has no input on which it
 * never returns. The formats with structure (PDF, Office, HTML, RTF, archives), whose parsers have had inputs that
 * loop or fill the heap, stay in the killable worker. Plain text is the bulk of a transcript corpus, and parsed in
 * process it skips the trip to the worker and runs with the task JVM's fully optimising compiler (the worker's
 * stops at C1, see {@link ParseWorker#start}): measured, about half the CPU per text file.
 */
final class PlainText {
  private PlainText() {}

  private static final MimeTypes TYPES = TikaConfig.getDefaultConfig().getMimeRepository();

  /** Whether the registry calls these bytes, under this name, exactly {@code text/plain}. */
  static boolean is(byte[] bytes, String fileName) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return MediaType.TEXT_PLAIN.equals(TYPES.detect(in, metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a byte array cannot fail", e);
    }
  }
}
