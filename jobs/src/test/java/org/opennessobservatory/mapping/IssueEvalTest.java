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

  @TempDir
  Path dir;

  @Test
  void microPrecisionAndRecallOverPairs() {
    List<IssueEval.Example> gold = List.of(
        new IssueEval.Example("a", "A", Set.of("x", "y"), "", "one", 2),
        new IssueEval.Example("b", "B", Set.of(), "", "one", 3),
        new IssueEval.Example("c", "C", Set.of("x"), "", "two", 2));
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
  void theHeldOutPartIsReadAfterTheFirstWithUniqueIds() throws IOException {
    Files.writeString(dir.resolve(IssueEval.FILE), "id\ttext\texpected\tnote\nu1\tHello\t\t\n");
    Files.writeString(dir.resolve(IssueEval.HELD_OUT), "id\ttext\texpected\tnote\nu2\tPrivacy\tprivacy\t\n");
    assertEquals(List.of("utterances.tsv u1 []", "heldout.tsv u2 [privacy]"), IssueEval.read(dir, Set.of("privacy"))
        .stream().map(e -> e.part() + " " + e.id() + " " + e.expected()).toList());
    Files.writeString(dir.resolve(IssueEval.HELD_OUT), "id\ttext\texpected\tnote\nu1\tPrivacy\tprivacy\t\n");
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(dir, Set.of("privacy")));
    assertTrue(e.getMessage().contains("heldout.tsv line 2: duplicate id u1"), e.getMessage());
  }

  @Test
  void unknownLabelsAreUserErrorsWithTheLine() throws IOException {
    Files.writeString(dir.resolve(IssueEval.FILE), "id\ttext\texpected\tnote\nu1\tHello\t\t\nu2\tPrivacy\tprivcy\t\n");
    UserException e = assertThrows(UserException.class, () -> IssueEval.read(dir, Set.of("privacy")));
    assertTrue(e.getMessage().contains("line 3: unknown issue id 'privcy'"), e.getMessage());
  }

  /**
   * Issue 5 asks for precision and recall of at least 0.9. Measured on 2026-11-28 over all 278 utterances: precision
   * 219/224 = 0.978, recall 219/265 = 0.826 (the tuned file 195/217 = 0.899, the held-out file, scored once, 24/48 =
   * 0.500). The recall target is NOT met, and the issue stays open until it is. Until then this guards the measured
   * level: a change to the matcher or the taxonomy that loses a true positive or adds a false one fails here, and
   * raising the figures means raising these bounds with them.
   */
  @Test
  void goldSetQualityIsNoWorseThanMeasured() {
    List<String> lines = IssueEval.report(GOLD, null);
    lines.forEach(System.out::println);
    IssueEval.Report r = IssueEval.evaluate(GOLD, Taxonomy.shipped());
    assertTrue(r.utterances() >= 200, r.utterances() + " utterances");
    assertEquals(List.of("utterances.tsv 231", "heldout.tsv 47"),
        r.parts().stream().map(p -> p.part() + " " + p.utterances()).toList());
    assertTrue(r.truePositives() >= 219 && r.falsePositives() <= 5, String.join("\n", lines));
    assertTrue(r.precision() >= 0.9, "precision " + r.precision());
  }
}
