package org.opennessobservatory.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opennessobservatory.generate.ArchiveCorpus;
import org.opennessobservatory.generate.BenchCorpus;
import org.opennessobservatory.testing.TestPaths;

/**
 * Texts to compare the issue matcher's fast paths with the plain ones on: every text and HTML file of data-samples
 * (tags stripped; PDF, DOCX, ODT and RTF left out), and a generated archive's first transcripts (one per speaker-turn
 * convention) and other documents.
 */
final class MatcherTexts {
  private MatcherTexts() {}

  static List<String> samples() {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestPaths.samples())) {
      files = s.filter(p -> p.getFileName().toString().matches(".*\\.(txt|html)")).sorted().toList();
      List<String> out = new ArrayList<>();
      for (Path f : files) {
        out.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).replaceAll("<[^>]+>", " "));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> generated(int transcripts, int others) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < transcripts; i++) {
      out.add(text(ArchiveCorpus.transcript(i, BenchCorpus.DEFAULT_SEED)));
    }
    for (int j = 0; j < others; j++) {
      out.add(text(ArchiveCorpus.other(j * 7, others * 7, BenchCorpus.DEFAULT_SEED)));
    }
    return out;
  }

  private static String text(ArchiveCorpus.Planned p) {
    return p.item().doc().title() + "\n\n" + String.join("\n\n", p.item().doc().paragraphs());
  }
}
