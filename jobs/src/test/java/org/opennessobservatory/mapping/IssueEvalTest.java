package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.testing.TestPaths;

class IssueEvalTest {
  static final Path GOLD = Path.of("src/test/resources/gold/issues");
  static final Path NETMUNDIAL = Path.of("src/test/resources/gold/issues-netmundial");
  private static final Set<String> KNOWN = Taxonomy.shipped().issues().stream().map(Taxonomy.Issue::id)
      .collect(java.util.stream.Collectors.toSet());

  @TempDir
  Path dir;

  @Test
  void microPrecisionAndRecallOverPairs() {
    List<IssueGoldFile.Example> gold = List.of(
        new IssueGoldFile.Example("a", "A", Set.of("x", "y"), "", "one", 2),
        new IssueGoldFile.Example("b", "B", Set.of(), "", "one", 3),
        new IssueGoldFile.Example("c", "C", Set.of("x"), "", "two", 2));
    Map<String, Set<String>> found = Map.of("A", Set.of("x"), "B", Set.of("y"), "C", Set.of("x", "z"));
    IssueEval.Report r = IssueEval.evaluate(gold, found::get);
    // pairs: tp (a,x) (c,x) = 2; fp (b,y) (c,z) = 2; fn (a,y) = 1
    assertEquals(List.of(2L, 2L, 1L), List.of(r.truePositives(), r.falsePositives(), r.falseNegatives()));
    assertEquals(0.5, r.precision(), 1e-9);
    assertEquals(2.0 / 3, r.recall(), 1e-9);
    assertEquals(List.of(new IssueEval.IssueCounts("x", 2, 0, 0), new IssueEval.IssueCounts("y", 0, 1, 1),
        new IssueEval.IssueCounts("z", 0, 1, 0)), r.perIssue());
    // part one (a, b): tp (a,x), fp (b,y), fn (a,y); part two (c): tp (c,x), fp (c,z)
    assertEquals(List.of(new IssueEval.PartCounts("one", 2, 1, 1, 1), new IssueEval.PartCounts("two", 1, 1, 1, 0)),
        r.parts());
  }

  @Test
  void everyTsvFileOfTheFolderIsAPartInNameOrderWithUniqueIds() throws IOException {
    Files.writeString(dir.resolve("b.tsv"), "id\ttext\texpected\tnote\nx2\tPrivacy\tprivacy\t\n");
    Files.writeString(dir.resolve("a.tsv"), "id\ttext\texpected\tnote\nx1\tHello\t\t\n");
    Files.writeString(dir.resolve("README.md"), "not read");
    assertEquals(List.of("a.tsv x1 []", "b.tsv x2 [privacy]"), IssueEval.read(dir, Set.of("privacy")).stream()
        .map(e -> e.part() + " " + e.id() + " " + e.expected()).toList());
    Files.writeString(dir.resolve("b.tsv"), "id\ttext\texpected\tnote\nx1\tPrivacy\tprivacy\t\n");
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(dir, Set.of("privacy")));
    assertTrue(e.getMessage().contains("b.tsv line 2: duplicate id x1"), e.getMessage());
    assertEquals(dir.resolve("missing") + " is not a folder: give the gold set folder to --gold", assertThrows(
        UserException.class, () -> IssueEval.read(dir.resolve("missing"), Set.of())).getMessage());
  }

  @Test
  void secondLabelsOfNoGoldUtteranceAreAFaultNotAPerfectAgreement() throws IOException {
    Path gold = Files.createDirectories(dir.resolve("gold"));
    Files.writeString(gold.resolve("g.tsv"),
        "id\ttext\texpected\tnote\nx1\tPrivacy matters.\tprivacy_data_protection\t\n");
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(second.resolve("g.tsv"), "id\texpected\tnote\n");
    assertEquals(second + " labels no utterance of the gold set: give the second labeller's files of the gold set's "
        + "ids to --second-labels", assertThrows(UserException.class,
            () -> IssueEval.report(gold, null, IssueClassifier.NONE, null, second)).getMessage());
  }

  @Test
  void corpusSentencesAreFoundByTheirHashInTheFileTheyComeFrom() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus/sub"));
    Files.writeString(corpus.resolve("c.txt"), "Privacy is a right. The coffee is in the hall.\n");
    Path gold = Files.createDirectories(dir.resolve("gold"));
    // the first 16 hex digits of the SHA-256 of "The coffee is in the hall." (sha256sum of the sentence's bytes)
    String header = "id\tsource\tsha256\texpected\tnote\n";
    Files.writeString(gold.resolve("s.tsv"), header + "s1\tsub/c.txt\t99cfce6d95d89e42\t\t\n");
    List<IssueGoldFile.Example> read = IssueEval.read(gold, Set.of(), dir.resolve("corpus"));
    assertEquals(List.of("s1 The coffee is in the hall."), read.stream().map(x -> x.id() + " " + x.text()).toList());
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(gold, Set.of(), null));
    assertTrue(e.getMessage().contains("give the corpus folder they come from with --corpus"), e.getMessage());
    Files.writeString(gold.resolve("s.tsv"), header + "s1\tsub/c.txt\t0000000000000000\t\t\n");
    e = assertThrows(UserException.class, () -> IssueEval.read(gold, Set.of(), dir.resolve("corpus")));
    assertTrue(e.getMessage().contains("line 2: no sentence of") && e.getMessage().contains("another version of the "
        + "file"), e.getMessage());
  }

  @Test
  void corpusSentenceLabelsThatCannotBeFoundSayWhy() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("c.txt"), "Privacy is a right. The coffee is in the hall.\n");
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    Files.writeString(dir.resolve("outside.txt"), "The coffee is in the hall.\n");
    Path gold = Files.createDirectories(dir.resolve("gold"));
    // a byte order mark before the header is no part of it
    String header = "\uFEFFid\tsource\tsha256\texpected\tnote\n";
    String coffee = "99cfce6d95d89e42";
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    rows.put("s1\t../outside.txt\t" + coffee, "source '../outside.txt' is not a path inside the corpus folder");
    rows.put("s1\tc.txt\t" + coffee.toUpperCase(java.util.Locale.ROOT), "is not the first 16 hex digits");
    rows.put("s1\tempty.txt\t" + coffee, "Tika could not extract");
    rows.put("s1\tc.txt\t" + coffee + "\t\t\ns2\tc.txt\t" + coffee, "line 3: s2 names the same sentence as s1");
    rows.put("\tc.txt\t" + coffee, "line 2: the id is empty");
    for (Map.Entry<String, String> row : rows.entrySet()) {
      Files.writeString(gold.resolve("s.tsv"), header + row.getKey() + "\t\t\n");
      UserException e = assertThrows(UserException.class, () -> IssueEval.read(gold, Set.of(), corpus));
      assertTrue(e.getMessage().contains(row.getValue()), e.getMessage());
    }
    Files.writeString(gold.resolve("s.tsv"), header + "s1\tc.txt\t" + coffee + "\t\t\n");
    assertEquals(1, IssueEval.read(gold, Set.of(), corpus).size());
  }

  @Test
  void unknownLabelsAndFoldersWithoutFilesAreUserErrorsThatSayWhatToFix() throws IOException {
    Set<String> known = Taxonomy.shipped().issues().stream().map(Taxonomy.Issue::id)
        .collect(java.util.stream.Collectors.toSet());
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(dir, known));
    assertTrue(e.getMessage().contains("holds no .tsv file"), e.getMessage());
    Files.writeString(dir.resolve("x.tsv"), "id\ttext\texpected\tnote\nx1\tHello\t\t\nx2\tPrivacy\tprivcy\t\n");
    e = assertThrows(UserException.class, () -> IssueEval.read(dir, known));
    assertTrue(e.getMessage().contains("x.tsv line 3: unknown issue id 'privcy'"), e.getMessage());
    Files.writeString(dir.resolve("x.tsv"), "id\ttext\tlabels\nx1\tHello\t\n");
    e = assertThrows(UserException.class, () -> IssueEval.read(dir, known));
    assertTrue(e.getMessage().contains("x.tsv line 1: expected the header id\\ttext\\texpected\\tnote"),
        e.getMessage());
  }

  /**
   * Issue 5 asks for precision and recall of at least 0.9. Measured on 2026-11-29 with taxonomies 2026.6 and 2026.7
   * alike, per file (tp, fp, fn; precision, recall): utterances.tsv (231, the taxonomy was tuned on them) 198, 5, 19;
   * 0.975, 0.912. heldout.tsv (47) and heldout-2.tsv (120), unseen for 2026.3 and the development files of 2026.4: 30,
   * 0, 18; 1.000, 0.625 and 91, 15, 34; 0.858, 0.728. heldout-3.tsv (120, committed before any matcher ran on it; some
   * of its lines turned out to rewrite development lines, see the gold README): 75, 13, 51; 0.852, 0.595. heldout-4.tsv
   * (200, written from the guideline alone and committed before any matcher ran on it; measured on 2026-11-30 with
   * 2026.8): 156, 26, 60; 0.857, 0.722. The target is NOT met on unseen text, and the issue stays open until it is.
   * Until then this guards the measured level of every
   * file: a change to the matcher or the taxonomy that loses a true positive or adds a false one in any file fails
   * here, and raising the figures means raising these bounds with them.
   *
   * <p>With the classifier trained on the shipped examples (none of them a gold line), what the pipeline finds,
   * measured on 2026-11-30 with 2026.8 and the 2,286 examples: utterances.tsv 205, 23, 12; 0.899, 0.945. heldout.tsv 44,
   * 8, 4; 0.846, 0.917. heldout-2.tsv 110, 21, 15; 0.840, 0.880. heldout-3.tsv 100, 16, 26; 0.862, 0.794. heldout-4.tsv
   * 186, 35, 30; 0.842, 0.861. Guarded the same way: the classifier's examples and settings are held to these figures
   * too. (The 1,151 examples before gave 202, 26 / 42, 5 / 111, 24 / 95, 15 / 178, 37: the second 1,149, less 14
   * lines of the first that shared six words with heldout-4.tsv, raised the true positives of the five files together
   * by 17 for 4 fewer false ones; the bounds moved with them, also where a file lost: heldout-2.tsv a true positive,
   * heldout.tsv 3 and heldout-3.tsv 1 more false positives.)
   */
  @Test
  void goldSetQualityIsNoWorseThanMeasured() {
    List<String> lines = IssueEval.report(GOLD, null, null, null, GOLD.resolve("second-labeller"));
    lines.forEach(System.out::println);
    // the second labeller's labels of heldout-4.tsv, made blind to the gold ones (gold/issues/README.md)
    assertTrue(lines.contains("second labeller against the gold: 200 utterances, labelled by both 209, gold only 7, "
        + "second only 8; precision 0.963, recall 0.968, F1 0.965; kappa pooled 0.963, mean over issues 0.962"),
        String.join("\n", lines));
    // the pipeline's figures against each labeller, quoted in the README's table: update both when they move
    int at = lines.indexOf("the matcher on the same utterances:");
    assertEquals(List.of("  against the gold: precision 0.842, recall 0.861, F1 0.851",
        "  against the second labeller: precision 0.842, recall 0.857, F1 0.849",
        "  on the pairs both labellers agree on: tp 183, fp 32, fn 26; precision 0.851, recall 0.876"),
        lines.subList(at + 1, at + 4), String.join("\n", lines));
    List<IssueGoldFile.Example> gold = IssueEval.read(GOLD, KNOWN);
    // file, utterances, at least tp, at most fp
    assertNoWorse(IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped())), Map.of(
        "heldout-2.tsv", new long[] {120, 91, 15}, "heldout-3.tsv", new long[] {120, 75, 13},
        "heldout-4.tsv", new long[] {200, 156, 26}, "heldout.tsv", new long[] {47, 30, 0},
        "utterances.tsv", new long[] {231, 198, 5}), lines);
    assertNoWorse(IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped(), shippedClassifier())), Map.of(
        "heldout-2.tsv", new long[] {120, 110, 21}, "heldout-3.tsv", new long[] {120, 100, 16},
        "heldout-4.tsv", new long[] {200, 186, 35}, "heldout.tsv", new long[] {47, 44, 8},
        "utterances.tsv", new long[] {231, 205, 23}), lines);
    // Each method alone, as the report reads it from the combined hits, is what that method gives on its own: the
    // terms from a matcher without classifier, the classifier from its sentences.
    assertTrue(lines.contains(methodLine("taxonomy's terms alone",
        IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped())))), String.join("\n", lines));
    IssueClassifier c = shippedClassifier();
    List<String> ids = Taxonomy.shipped().issues().stream().map(Taxonomy.Issue::id).toList();
    assertTrue(lines.contains(methodLine("classifier alone", IssueEval.evaluate(gold, text -> {
      Set<String> found = new java.util.TreeSet<>();
      for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
        for (int i : c.classify(Lemmas.lower(Lemmas.tokens(sentence)))) {
          found.add(ids.get(i));
        }
      }
      return found;
    }))), String.join("\n", lines));
  }

  private static String methodLine(String method, IssueEval.Report r) {
    return String.format(java.util.Locale.ROOT, "%s: tp %d, fp %d, fn %d; precision %.3f, recall %.3f", method,
        r.truePositives(), r.falsePositives(), r.falseNegatives(), r.precision(), r.recall());
  }

  static IssueClassifier shippedClassifier() {
    return IssueClassifier.load(null, new org.apache.hadoop.conf.Configuration(), Taxonomy.shipped());
  }

  /** Each part of {@code r} has the utterances and at least the true positives and at most the false ones measured. */
  private static void assertNoWorse(IssueEval.Report r, Map<String, long[]> measured, List<String> lines) {
    assertEquals(new java.util.TreeSet<>(measured.keySet()),
        r.parts().stream().map(IssueEval.PartCounts::part).collect(java.util.stream.Collectors.toSet()));
    for (IssueEval.PartCounts p : r.parts()) {
      long[] m = measured.get(p.part());
      assertTrue(p.utterances() == m[0] && p.truePositives() >= m[1] && p.falsePositives() <= m[2],
          p + "\n" + String.join("\n", lines));
    }
  }

  /**
   * Real text: five samples of 200 sentences drawn at random from the NETmundial contributions, each labelled by a
   * helper who saw only the issue areas' descriptions and the guideline (gold/issues-netmundial). Measured with
   * taxonomy 2026.7 (tp, fp, fn; precision, recall): netmundial-2014-sentences.tsv 101, 12, 107; 0.894, 0.486;
   * netmundial-2014-sentences-2.tsv (distinct sentences, none of the first's, labelled under guideline 7 as written
   * after the first) 107, 21, 83; 0.836, 0.563; netmundial-2014-sentences-3.tsv (none of the first two's) 99, 16, 92;
   * 0.861, 0.518; netmundial-2014-sentences-4.tsv (held out while 2026.6 was chosen) 98, 24, 94; 0.803, 0.510;
   * netmundial-2014-sentences-5.tsv (held out while 2026.7 was chosen) 108, 24, 86; 0.818, 0.557 (2026.6: 104, 23,
   * 90). Guarded per file like the gold set; skipped where the corpus is not on the machine. With the classifier (no
   * example drawn from NETmundial), 2,286 examples: 124, 19, 84; 0.867, 0.596 / 130, 35, 60; 0.788, 0.684 / 116, 30, 75;
   * 0.795, 0.607 / 122, 33, 70; 0.787, 0.635 / 122, 32, 72; 0.792, 0.629. (The 1,151 examples before: 119, 22 / 125, 32
   * / 113, 29 / 120, 32 / 125, 32. Over the five files 12 more true positives and 2 more false ones; the bounds moved
   * with them, also where a file lost: the fifth, held out, 3 true positives.)
   */
  @Test
  void netmundialSentencesQualityIsNoWorseThanMeasured() {
    Path corpus = TestPaths.netmundial();
    Assumptions.assumeTrue(Files.isDirectory(corpus), "NETmundial contributions absent at " + corpus
        + ": the real-text gold set cannot be read");
    List<String> lines = IssueEval.report(NETMUNDIAL, null, null, corpus, NETMUNDIAL.resolve("second-labeller"));
    lines.forEach(System.out::println);
    // the second labeller's labels of the fifth sample, made blind to the gold ones (its README)
    assertTrue(lines.contains("second labeller against the gold: 200 utterances, labelled by both 184, gold only 10, "
        + "second only 14; precision 0.929, recall 0.948, F1 0.939; kappa pooled 0.936, mean over issues 0.897"),
        String.join("\n", lines));
    List<IssueGoldFile.Example> gold = IssueEval.read(NETMUNDIAL, KNOWN, corpus);
    // file, sentences, at least tp, at most fp
    assertNoWorse(IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped())), Map.of(
        "netmundial-2014-sentences-2.tsv", new long[] {200, 107, 21},
        "netmundial-2014-sentences-3.tsv", new long[] {200, 99, 16},
        "netmundial-2014-sentences-4.tsv", new long[] {200, 98, 24},
        "netmundial-2014-sentences-5.tsv", new long[] {200, 108, 24},
        "netmundial-2014-sentences.tsv", new long[] {200, 101, 12}), lines);
    assertNoWorse(IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped(), shippedClassifier())), Map.of(
        "netmundial-2014-sentences-2.tsv", new long[] {200, 130, 35},
        "netmundial-2014-sentences-3.tsv", new long[] {200, 116, 30},
        "netmundial-2014-sentences-4.tsv", new long[] {200, 122, 33},
        "netmundial-2014-sentences-5.tsv", new long[] {200, 122, 32},
        "netmundial-2014-sentences.tsv", new long[] {200, 124, 19}), lines);
  }
}
