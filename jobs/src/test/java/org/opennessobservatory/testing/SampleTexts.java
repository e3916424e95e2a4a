package org.opennessobservatory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.TikaExtraction;

/** The text of every sample document, as ingest extracts it (Tika, default limits), for tests over real formats. */
public final class SampleTexts {
  private SampleTexts() {}

  /** Per file (path inside the samples folder, in name order), its text; files without text and the CSVs left out. */
  public static Map<String, String> extracted() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(TestPaths.samples())) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".csv"))::iterator) {
        String text = TikaExtraction.extract(Files.readAllBytes(f), f.getFileName().toString(),
            ParseLimits.DEFAULTS.maxChars(), ParseLimits.DEFAULTS.maxEmbedded(), null).text();
        if (text != null) {
          out.put(TestPaths.samples().relativize(f).toString(), text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
