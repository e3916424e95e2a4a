package org.opennessobservatory.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tika's type registry (MimeTypes: magic bytes, then the file name) as a member of Tika's default detection, taking
 * its answer from the document's Metadata when the caller already asked it the same question. The task asks the
 * registry of every file (see {@link PlainText}) before it decides where the file is parsed; asked again in the
 * parse, it cost a fifth of the worker's CPU on bench ingest's PDF, DOCX and HTML files (0.8 s of 4.1 s per 1,200
 * files, measured on the client compiler as in the worker; three fifths of an HTML file's). Its answer
 * depends on the bytes, the name and a Content-Type in the Metadata; both askers give it the same bytes and name and
 * no Content-Type, so the given answer is the one it would give — with the task's registry: a worker whose class
 * path lacked a custom-mimetypes.xml the task has would now agree with the task. Embedded documents get their own
 * Metadata, without an answer in it: they are detected in full. The answer is removed as it is used, so that no
 * parser can pass it on to a document inside.
 */
final class GivenRegistryType implements Detector {
  private static final long serialVersionUID = 1L;
  /** The Metadata key of the registry's answer; no Tika parser writes it. */
  static final String KEY = "observatory:registry-type";
  private final MimeTypes registry;

  private GivenRegistryType(MimeTypes registry) {
    this.registry = registry;
  }

  @Override
  public MediaType detect(InputStream input, Metadata metadata) throws IOException {
    String given = metadata.get(KEY);
    if (given == null) {
      return registry.detect(input, metadata);
    }
    metadata.remove(KEY);
    return MediaType.parse(given);
  }

  /**
   * The configuration's detection, its detectors in their order, with its type registry answering as above. A
   * configuration of the user's ({@code -Dtika.config}) whose detection is not a list holding the registry once keeps
   * its own detection, which then asks the registry again (the given answer stays unread in the Metadata).
   */
  static Detector within(TikaConfig config) {
    MimeTypes registry = config.getMimeRepository();
    if (!(config.getDetector() instanceof CompositeDetector composite)) {
      return config.getDetector();
    }
    List<Detector> detectors = new ArrayList<>(composite.getDetectors());
    int at = detectors.indexOf(registry);
    if (at < 0 || detectors.lastIndexOf(registry) != at) {
      return config.getDetector();
    }
    detectors.set(at, new GivenRegistryType(registry));
    return new CompositeDetector(config.getMediaTypeRegistry(), detectors);
  }
}
