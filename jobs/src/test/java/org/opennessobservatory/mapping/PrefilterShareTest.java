package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.testing.TestPaths;

/**
 * How much of the sample transcripts the prefilter sends to POS tagging and lemmatizing (the expensive step), printed
 * for the record. The text and HTML transcripts are read directly (tags stripped); PDF and DOCX ones are left out.
 */
class PrefilterShareTest {
  @Test
  void shareOfSentencesLemmatizedOnTheSampleTranscripts() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(TestPaths.samples())) {
      files = s.filter(p -> p.getFileName().toString().matches(".*transcript\\.(txt|html)")).sorted().toList();
    }
    for (int n : new int[] {IssueMatcher.PREFIX, 4}) {
      IssueMatcher m = IssueMatcher.of(Taxonomy.shipped(), n);
      share(m, n, files);
      Taxonomy t = Taxonomy.shipped();
      java.util.Set<String> ids = new java.util.HashSet<>();
      t.issues().forEach(i -> ids.add(i.id()));
      IssueEval.Report r = IssueEval.evaluate(IssueEval.read(IssueEvalTest.GOLD, ids), m);
      System.out.printf(Locale.ROOT, "  gold set with %d characters: precision %.3f recall %.3f%n", n, r.precision(),
          r.recall());
    }
  }

  private static void share(IssueMatcher matcher, int n, List<Path> files) throws IOException {
    long sentences = 0;
    long lemmatized = 0;
    long issues = 0;
    long matched = 0;
    long t0 = System.nanoTime();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("<[^>]+>", " ");
      IssueMatcher.Result r = matcher.match(text);
      sentences += r.sentences();
      lemmatized += r.lemmatizedSentences();
      issues += r.hits().size();
      matched += r.matchedSentences();
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    System.out.printf(Locale.ROOT, "prefilter, %d characters: %d of %d sentences lemmatized (%.1f%%), %d (%.1f%%) with a match, "
        + "in %d sample transcripts; %d issues found; %.0f ms%n", n, lemmatized, sentences, 100.0 * lemmatized / sentences,
        matched, 100.0 * matched / sentences, files.size(), issues, ms);
    assertTrue(files.size() >= 5, files.size() + " transcripts");
    assertTrue(lemmatized > 0 && lemmatized < sentences, lemmatized + " of " + sentences);
  }
}
