package org.opennessobservatory.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opennessobservatory.ingest.ManifestColumns;
import org.opennessobservatory.transcripts.Segmenter;

class ArchiveCorpusTest {
  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(TranscriptStyle.class)
  void theSegmenterFindsEveryGeneratedTurnInEachConvention(TranscriptStyle style) {
    List<TranscriptStyle.Turn> turns = ArchiveCorpus.turns(new Random(7), "data governance", 3_000, style);
    String text = new String(FormatWriters.txt(new FormatWriters.Doc("Transcript: a session", "",
        style.render(turns))), StandardCharsets.UTF_8);
    List<String> found = Segmenter.segment(text).turns().stream()
        .map(t -> t.label() == null || t.label().raw() == null ? "" : t.label().raw()).toList();
    List<String> planted = turns.stream().map(t -> t.label() == null ? "" : labelAsWritten(style, t.label()))
        .toList();
    assertEquals(planted, found);
  }

  private static String labelAsWritten(TranscriptStyle style, String name) {
    return style == TranscriptStyle.MIXED_CASE ? name : name.toUpperCase(java.util.Locale.ROOT);
  }

  @Test
  void scaleOneIsSixHundredTranscriptsAndThreeHundredOthers() {
    ArchiveCorpus.Counts c = ArchiveCorpus.counts(1);
    assertEquals(List.of(600, 300), List.of(c.transcripts(), c.others()));
    assertEquals(List.of(1200, 600), List.of(ArchiveCorpus.counts(2).transcripts(), ArchiveCorpus.counts(2).others()));
  }

  @Test
  void theSameSeedWritesTheSameBytesAndEveryFileHasItsManifestRow() throws Exception {
    ArchiveWriter.Written a = ArchiveWriter.write(tmp.resolve("a"), 0.02, 5);
    ArchiveWriter.Written b = ArchiveWriter.write(tmp.resolve("b"), 0.02, 5);
    assertEquals(List.of(12, 6), List.of(a.transcripts(), a.others()));
    assertEquals(a, b);
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(tmp.resolve("a/manifest.csv"))).getRecords();
    assertEquals(18, rows.size());
    Set<String> paths = new HashSet<>();
    for (CSVRecord r : rows) {
      assertTrue(paths.add(r.get("path")), r.get("path"));
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(r.get("path"))),
          Files.readAllBytes(tmp.resolve("b").resolve(r.get("path"))), r.get("path"));
      assertTrue(ManifestColumns.DOC_TYPES.contains(r.get("doc_type")), r.get("doc_type"));
      assertTrue(ManifestColumns.FORUM_LEVELS.contains(r.get("forum_level")), r.get("forum_level"));
      if (r.get("doc_type").equals("contribution")) {
        assertTrue(r.get("published_on").compareTo(r.get("date")) < 0, "contributions precede the meeting");
      }
    }
  }

  @Test
  void anOutcomeReusesTheFirstParagraphOfContributionsOfItsProcess() {
    // 180 others at 90 forum-years: j = 0 is the outcome of the first forum-year, j = 90 its contribution (slot 1).
    ArchiveCorpus.Planned outcome = ArchiveCorpus.other(0, 180, 3);
    ArchiveCorpus.Planned contribution = ArchiveCorpus.other(90, 180, 3);
    assertEquals("outcome", outcome.manifest().get("doc_type"));
    assertEquals("contribution", contribution.manifest().get("doc_type"));
    assertEquals(outcome.manifest().get("forum") + outcome.manifest().get("year"),
        contribution.manifest().get("forum") + contribution.manifest().get("year"));
    assertTrue(outcome.item().doc().paragraphs().contains(contribution.item().doc().paragraphs().get(0)));
  }
}
