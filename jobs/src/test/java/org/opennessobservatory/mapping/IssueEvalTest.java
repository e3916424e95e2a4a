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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;

class IssueEvalTest {
  static final Path GOLD = Path.of("src/test/resources/gold/issues");
  private static final Set<String> KNOWN = Taxonomy.shipped().issues().stream().map(Taxonomy.Issue::id)
      .collect(java.util.stream.Collectors.toSet());

  @TempDir
  Path dir;

  @Test
  void microPrecisionAndRecallOverPairs() {
    List<IssueExamples.Example> gold = List.of(
        new IssueExamples.Example("a", "A", Set.of("x", "y"), "", "one", 2),
        new IssueExamples.Example("b", "B", Set.of(), "", "one", 3),
        new IssueExamples.Example("c", "C", Set.of("x"), "", "two", 2));
    Map<String, Set<String>> found = Map.of("A", Set.of("x"), "B", Set.of("y"), "C", Set.of("x", "z"));
    IssueEval.Report r = IssueEval.evaluate(gold, e -> found.get(e.text()));
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
  void theShippedExamplesComeFirstThenTheFilesInNameOrderWithUniqueIds() throws IOException {
    Files.writeString(dir.resolve("b.tsv"), "id\ttext\texpected\tnote\nx2\tPrivacy\tprivacy\t\n");
    Files.writeString(dir.resolve("a.tsv"), "id\ttext\texpected\tnote\nx1\tHello\t\t\n");
    Files.writeString(dir.resolve("README.md"), "not read");
    Set<String> known = Set.of("privacy", "x", "y");
    List<IssueExamples.Example> shipped = IssueExamples.shipped(Taxonomy.shipped().issues().stream()
        .map(Taxonomy.Issue::id).collect(java.util.stream.Collectors.toSet()));
    List<IssueExamples.Example> read = IssueEval.read(dir, ids(shipped, known));
    assertEquals(shipped, read.subList(0, shipped.size()));
    assertEquals(List.of("a.tsv x1 []", "b.tsv x2 [privacy]"), read.subList(shipped.size(), read.size()).stream()
        .map(e -> e.part() + " " + e.id() + " " + e.expected()).toList());
    Files.writeString(dir.resolve("b.tsv"), "id\ttext\texpected\tnote\nx1\tPrivacy\tprivacy\t\n");
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(dir, ids(shipped, known)));
    assertTrue(e.getMessage().contains("b.tsv line 2: duplicate id x1"), e.getMessage());
    // an id of the shipped examples is taken too
    Files.writeString(dir.resolve("b.tsv"), "id\ttext\texpected\tnote\nu001\tPrivacy\tprivacy\t\n");
    e = assertThrows(UserException.class, () -> IssueEval.read(dir, ids(shipped, known)));
    assertTrue(e.getMessage().contains("b.tsv line 2: duplicate id u001"), e.getMessage());
  }

  /** The shipped examples' labels and {@code more}: the ids a gold set may use. */
  private static Set<String> ids(List<IssueExamples.Example> shipped, Set<String> more) {
    Set<String> all = new java.util.HashSet<>(more);
    shipped.forEach(x -> all.addAll(x.expected()));
    return all;
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
   * Issue 5 asks for precision and recall of at least 0.9. Measured on 2026-11-29 (tp, fp, fn; precision, recall):
   *
   * <pre>
   * part (utterances)                  terms and phrases                 with the neighbour method (0.45)
   * issue-examples.tsv (231, tuned on) 195, 5, 22; 0.975, 0.899          196, 62, 21; 0.760, 0.903 (left out in turn)
   * heldout.tsv (47, threshold chosen) 24, 0, 24;  1.000, 0.500          39, 4, 9;    0.907, 0.813
   * heldout-2.tsv (120, unseen)        80, 15, 45; 0.842, 0.640          105, 33, 20; 0.761, 0.840
   * </pre>
   *
   * <p>Neither method meets the target on unseen text, and the issue stays open until one does. Until then this
   * guards the measured levels: a change that loses a true positive or adds a false one fails here, and raising the
   * figures means raising these bounds with them.
   */
  @Test
  void goldSetQualityIsNoWorseThanMeasured() {
    List<String> lines = IssueEval.report(GOLD, null);
    lines.forEach(System.out::println);
    List<IssueExamples.Example> gold = IssueEval.read(GOLD, KNOWN);
    IssueEval.Report lemmas = IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped()));
    assertEquals(List.of("issue-examples.tsv 231", "heldout-2.tsv 120", "heldout.tsv 47"),
        lemmas.parts().stream().map(p -> p.part() + " " + p.utterances()).toList());
    assertTrue(lemmas.truePositives() >= 299 && lemmas.falsePositives() <= 20, String.join("\n", lines));
    IssueEval.Report both = IssueEval.evaluate(gold, IssueMatcher.of(Taxonomy.shipped(),
        IssueNeighbours.of(IssueExamples.shipped(KNOWN))));
    assertTrue(both.truePositives() >= 340 && both.falsePositives() <= 99, String.join("\n", lines));
  }

  /**
   * The shipped threshold is what its rule gives on the development file (the highest F1 with precision at least
   * 0.9), and the sweep that shows it scores what the matcher with that threshold finds.
   */
  @Test
  void theNeighbourThresholdIsTheRulesChoiceOnTheDevelopmentFile() {
    List<IssueExamples.Example> dev = IssueEval.read(GOLD, KNOWN).stream()
        .filter(e -> e.part().equals(IssueEval.DEV)).toList();
    List<IssueExamples.Example> shipped = IssueExamples.shipped(KNOWN);
    List<IssueEval.Report> sweep = IssueEval.sweep(dev, IssueMatcher.of(Taxonomy.shipped()), shipped);
    IssueEval.Report chosen = sweep.stream().filter(r -> r.precision() >= IssueEval.MIN_PRECISION)
        .max(java.util.Comparator.comparingDouble(IssueEval.Report::f1)).orElseThrow();
    assertEquals(String.format(java.util.Locale.ROOT, "from %.2f", IssueNeighbours.THRESHOLD), chosen.label());
    IssueEval.Report matcher = IssueEval.evaluate(dev, IssueMatcher.of(Taxonomy.shipped(),
        IssueNeighbours.of(shipped)));
    assertEquals(List.of(matcher.truePositives(), matcher.falsePositives(), matcher.falseNegatives()),
        List.of(chosen.truePositives(), chosen.falsePositives(), chosen.falseNegatives()));
  }
}
