package org.opennessobservatory.recommendations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

class RecommendationRegistryTest {
  @Test
  void theShippedRegistryHas39UniqueEntriesUnderFiveTopics() {
    RecommendationRegistry r = RecommendationRegistry.shipped();
    assertEquals(39, r.recommendations().size());
    assertEquals(Set.of("I", "II", "III", "IV", "V"),
        r.recommendations().stream().map(RecommendationRegistry.Recommendation::topic).collect(Collectors.toSet()));
    Set<String> ids = new HashSet<>();
    r.recommendations().forEach(x -> Assertions.assertTrue(ids.add(x.id()), x.id()));
    // Honesty: every entry says how sure it is and where it comes from.
    r.recommendations().forEach(x -> Assertions.assertTrue(!x.provenance().isBlank() && !x.evidence().isBlank()));
    assertEquals(5, r.recommendations().stream().filter(x -> x.confidence().equals("confirmed")).count());
  }

  private static String registry(String entries, int count) {
    return "version: t\nreport: X\nexpected_count: " + count + "\ntopics:\n  - {id: I, label: a}\n  - {id: II, label: b}\n"
        + "  - {id: III, label: c}\n  - {id: IV, label: d}\n  - {id: V, label: e}\nrecommendations:\n" + entries;
  }

  private static String entry(String id, int para, String topic) {
    return "  - id: " + id + "\n    paragraph: " + para + "\n    topic: " + topic + "\n    summary: s\n    terms: [x]\n"
        + "    evidence: e\n    confidence: reconstructed\n    provenance: p\n";
  }

  private static String all5() {
    return entry("a", 1, "I") + entry("b", 2, "II") + entry("c", 3, "III") + entry("d", 4, "IV") + entry("e", 5, "V");
  }

  @Test
  void aValidFileReads() {
    assertEquals(5, RecommendationRegistry.read("r.yaml", new StringReader(registry(all5(), 5)))
        .recommendations().size());
  }

  @Test
  void faultsNameTheFileAndLine() {
    UserException count = assertThrows(UserException.class,
        () -> RecommendationRegistry.read("r.yaml", new StringReader(registry(all5(), 39))));
    Assertions.assertTrue(count.getMessage().startsWith("r.yaml line 10: 5 recommendations where expected_count says 39"),
        count.getMessage());
    UserException dup = assertThrows(UserException.class, () -> RecommendationRegistry.read("r.yaml",
        new StringReader(registry(all5() + entry("a", 9, "I"), 6))));
    Assertions.assertTrue(dup.getMessage().matches("r\\.yaml line \\d+: recommendation 'a': duplicate id .*"),
        dup.getMessage());
    UserException topic = assertThrows(UserException.class, () -> RecommendationRegistry.read("r.yaml",
        new StringReader(registry(entry("a", 1, "I") + entry("b", 2, "II") + entry("c", 3, "III")
            + entry("d", 4, "IV") + entry("e", 5, "IV"), 5))));
    assertEquals("r.yaml: topic V has no recommendation: each of the five topics needs one", topic.getMessage());
    UserException missing = assertThrows(UserException.class, () -> RecommendationRegistry.read("r.yaml",
        new StringReader(registry(all5().replace("    evidence: e\n", ""), 5))));
    Assertions.assertTrue(missing.getMessage().contains("'evidence' is missing"), missing.getMessage());
  }

  /** Search words that would find nothing, anything, or the same thing twice are faults of the entry. */
  @Test
  void searchWordsThatCannotWorkAreFaults() {
    for (String[] c : new String[][] {
        {"    terms: [all]\n", "term 'all' is a stop word: it is never searched for"},
        {"    terms: [x]\n    phrases: [\"to the\"]\n", "phrase 'to the' has only stop words: it would be found in any text"},
        {"    terms: [x]\n    phrases: [\"remote hubs\", \"remote hub\"]\n",
            "phrases 'remote hubs' and 'remote hub' are the same words once plurals are folded: keep one"}}) {
      UserException e = assertThrows(UserException.class, () -> RecommendationRegistry.read("r.yaml",
          new StringReader(registry(all5().replaceFirst("    terms: \\[x\\]\n", c[0]), 5))));
      Assertions.assertTrue(e.getMessage().matches("r\\.yaml line \\d+.*: " + java.util.regex.Pattern.quote(c[1])),
          e.getMessage());
    }
  }
}
