package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

class LabelAgreementTest {
  // three utterances a, b, c labelled by two labellers over the issues x, y, z
  private static final List<Set<String>> FIRST = List.of(Set.of("x", "y"), Set.of(), Set.of("x"));
  private static final List<Set<String>> SECOND = List.of(Set.of("x"), Set.of("y"), Set.of("x", "z"));

  @Test
  void kappaIsObservedAgreementBeyondChance() {
    // 100 items, 10 and 12 yeses, 8 shared: observed (100 - 10 - 12 + 16) / 100 = 0.94; chance 0.1 * 0.12 + 0.9 * 0.88
    // = 0.804; kappa 0.136 / 0.196
    assertEquals(0.136 / 0.196, LabelAgreement.kappa(10, 12, 8, 100), 1e-12);
    assertTrue(Double.isNaN(LabelAgreement.kappa(0, 0, 0, 100)), "no labeller used the issue: undefined");
    assertTrue(Double.isNaN(LabelAgreement.kappa(5, 5, 5, 5)), "both used it on every item: undefined");
  }

  @Test
  void agreementPerIssueAndOverAllPairs() {
    LabelAgreement.Result r = LabelAgreement.of(FIRST, SECOND, List.of("x", "y", "z"));
    // x: both on a and c, kappa 1. y: first on a, second on b: observed 1/3, chance 1/9 + 4/9, kappa (1/3 - 5/9) /
    // (4/9) = -0.5. z: second alone on c: observed 2/3, chance 2/3, kappa 0.
    assertEquals(List.of(new LabelAgreement.IssueAgreement("x", 2, 2, 2, 3),
        new LabelAgreement.IssueAgreement("y", 1, 1, 0, 3), new LabelAgreement.IssueAgreement("z", 0, 1, 0, 3)),
        r.perIssue());
    assertEquals(1.0, r.perIssue().get(0).kappa(), 1e-12);
    assertEquals(-0.5, r.perIssue().get(1).kappa(), 1e-12);
    assertEquals(0.0, r.perIssue().get(2).kappa(), 1e-12);
    assertEquals(List.of(2L, 1L, 2L), List.of(r.both(), r.firstOnly(), r.secondOnly()));
    assertEquals(0.5, r.precision(), 1e-12);
    assertEquals(2.0 / 3, r.recall(), 1e-12);
    assertEquals(4.0 / 7, r.f1(), 1e-12);
    // pooled over 9 pairs: 3 and 4 yeses, 2 shared; observed 6/9, chance 1/3 * 4/9 + 2/3 * 5/9 = 14/27
    assertEquals(4.0 / 13, r.pooledKappa(), 1e-12);
    assertEquals(1.0 / 6, r.meanKappa(), 1e-12);
  }

  @Test
  void theMatcherOnTheConsensusLeavesOutPairsTheLabellersDisagreeOn() {
    // found: a {x, y}: x agreed yes, tp; y disputed. b {y, w}: y disputed; w agreed no, fp. c {z}: z disputed; x agreed
    // yes and not found, fn.
    List<Set<String>> found = List.of(Set.of("x", "y"), Set.of("y", "w"), Set.of("z"));
    assertArrayEquals(new long[] {1, 1, 1}, LabelAgreement.onConsensus(FIRST, SECOND, found));
  }

  @Test
  void theReportPrintsAgreementAndTheMatcherAgainstEachLabeller() {
    List<IssueGoldFile.Example> gold = List.of(new IssueGoldFile.Example("a", "A", FIRST.get(0), "", "p.tsv", 2),
        new IssueGoldFile.Example("b", "B", FIRST.get(1), "", "p.tsv", 3),
        new IssueGoldFile.Example("c", "C", FIRST.get(2), "", "p.tsv", 4),
        new IssueGoldFile.Example("d", "D", Set.of("z"), "", "p.tsv", 5));
    // d has no second label: left out
    Map<String, Set<String>> second = Map.of("a", SECOND.get(0), "b", SECOND.get(1), "c", SECOND.get(2));
    Map<String, Set<String>> found = Map.of("A", Set.of("x", "y"), "B", Set.of("y", "w"), "C", Set.of("z"),
        "D", Set.of());
    List<String> lines = LabelAgreement.report(gold, second, found::get, List.of("x", "y", "z", "w"), "dir");
    String all = String.join("\n", lines);
    assertTrue(lines.contains("agreement of the gold labels with a second labeller's (dir), on the 3 utterances both "
        + "labelled:"), all);
    assertTrue(lines.contains("  y                                  1      1     0 -0.500"), all);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("  w ")), "an issue neither labeller used is not listed");
    // pooled over 12 pairs (w counts its agreement on no): 3 and 4 yeses, 2 shared; observed 9/12, chance 1/4 * 1/3 +
    // 3/4 * 2/3 = 7/12; kappa (2/12) / (5/12) = 0.4; mean over x, y, z (w undefined) 1/6
    assertTrue(lines.contains("second labeller against the gold: 3 utterances, labelled by both 2, gold only 1, second "
        + "only 2; precision 0.500, recall 0.667, F1 0.571; kappa pooled 0.400, mean over issues 0.167"), all);
    assertTrue(lines.contains("  z                                  0      1     0  0.000"), all);
    // the matcher finds x, y | y, w | z against the gold x, y | - | x (tp 2, fp 3, fn 1) and the second labeller's
    // x | y | x, z (tp 3, fp 2, fn 1)
    assertTrue(lines.contains("  against the gold: precision 0.400, recall 0.667, F1 0.500"), all);
    assertTrue(lines.contains("  against the second labeller: precision 0.600, recall 0.750, F1 0.667"), all);
    assertTrue(lines.contains("  on the pairs both labellers agree on: tp 1, fp 1, fn 1; precision 0.500, "
        + "recall 0.500"), all);
  }

  @Test
  void secondLabelsNameGoldUtterancesOnceWithKnownIssues() {
    Set<String> known = Set.of("x", "y");
    Set<String> ids = Set.of("a", "b");
    Map<String, Set<String>> labels = new HashMap<>();
    SecondLabels.parse("s.tsv", List.of("id\texpected\tnote", "a\tx|y\t", "", "b\t\tprocedure"), known, ids, labels);
    assertEquals(Map.of("a", Set.of("x", "y"), "b", Set.of()), labels);
    assertEquals("s.tsv line 1: expected the header id\\texpected\\tnote (a second labeller's file names the gold "
        + "utterances by id)", assertThrows(UserException.class, () -> SecondLabels.parse("s.tsv",
            List.of("id\ttext\texpected\tnote"), known, ids, new HashMap<>())).getMessage());
    assertEquals("s.tsv line 2: 'c' is not the id of an utterance of the gold set", assertThrows(UserException.class,
        () -> SecondLabels.parse("s.tsv", List.of("id\texpected\tnote", "c\tx\t"), known, ids, new HashMap<>()))
        .getMessage());
    assertEquals("s.tsv line 3: a is labelled twice", assertThrows(UserException.class, () -> SecondLabels.parse(
        "s.tsv", List.of("id\texpected\tnote", "a\tx\t", "a\ty\t"), known, ids, new HashMap<>())).getMessage());
    assertEquals("s.tsv line 2: unknown issue id 'q' (not in the taxonomy)", assertThrows(UserException.class,
        () -> SecondLabels.parse("s.tsv", List.of("id\texpected\tnote", "a\tq\t"), known, ids, new HashMap<>()))
        .getMessage());
    assertEquals("s.tsv line 2: 2 cells, expected 3 (tab-separated)", assertThrows(UserException.class,
        () -> SecondLabels.parse("s.tsv", List.of("id\texpected\tnote", "a\tx"), known, ids, new HashMap<>()))
        .getMessage());
  }
}
