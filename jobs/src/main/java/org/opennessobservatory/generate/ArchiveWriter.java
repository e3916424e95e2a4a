package org.opennessobservatory.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opennessobservatory.ingest.ManifestColumns;

/** Writes an {@link ArchiveCorpus} to disk: its files, rendered in parallel, and its {@code manifest.csv}. */
public final class ArchiveWriter {
  private ArchiveWriter() {}

  /** What was written: files (the manifest apart), their bytes, and words of text before rendering. */
  public record Written(int transcripts, int others, long bytes, long words) {}

  /**
   * Writes the corpus under {@code dir} (created if missing). Documents are rendered one by one, never all held in
   * memory: at scale 10 their text is about 60M words.
   */
  public static Written write(Path dir, double scale, long seed) {
    ArchiveCorpus.Counts counts = ArchiveCorpus.counts(scale);
    long[] bytesAndWords = new long[2];
    List<Map<String, String>> rows = IntStream.range(0, counts.total()).parallel().mapToObj(k -> {
      ArchiveCorpus.Planned p = ArchiveCorpus.planned(k, counts, seed);
      byte[] bytes = p.item().bytes();
      Path file = dir.resolve(p.item().relPath());
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + file, e);
      }
      long words = p.item().doc().paragraphs().stream().mapToLong(BenchCorpus::countWords).sum();
      synchronized (bytesAndWords) {
        bytesAndWords[0] += bytes.length;
        bytesAndWords[1] += words;
      }
      return p.manifest();
    }).toList();
    try (Writer w = Files.newBufferedWriter(dir.resolve("manifest.csv"), StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
            .setHeader(ManifestColumns.ALL.toArray(String[]::new)).setRecordSeparator('\n').get())) {
      for (Map<String, String> row : rows) {
        csv.printRecord(ManifestColumns.ALL.stream().map(row::get).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + dir.resolve("manifest.csv"), e);
    }
    return new Written(counts.transcripts(), counts.others(), bytesAndWords[0], bytesAndWords[1]);
  }
}
