package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;

/** The taxonomy reader: every fault is one line naming the file, the line or issue, and what to fix. */
class TaxonomyTest {
  private static final String ISSUE_A = """
        - id: a
          label: A
          description: d
          terms: [privacy]
          phrases: [data protection]
      """;

  private static String fault(String yaml) {
    return assertThrows(UserException.class, () -> IssueMatcher.of(Taxonomy.read("t.yaml", new StringReader(yaml))))
        .getMessage();
  }

  @Test
  void shippedTaxonomyIsValidWithTwentyIssues() {
    Taxonomy t = Taxonomy.shipped();
    assertEquals(20, t.issues().size());
    assertTrue(t.issues().stream().allMatch(i -> i.terms().size() + i.phrases().size() >= 5), "terms per issue");
    IssueMatcher.of(t);
  }

  @Test
  void duplicateIdsNameBothLines() {
    String m = fault("version: 1\nissues:\n" + ISSUE_A + ISSUE_A.replace("privacy", "x").replace("data protection",
        "y z"));
    assertEquals("t.yaml line 8: issue 'a': duplicate id (first at line 3)", m);
  }

  @Test
  void aTermUnderTwoIssues() {
    String m = fault("version: 1\nissues:\n" + ISSUE_A + ISSUE_A.replace("id: a", "id: b").replace("privacy", "gdpr"));
    assertEquals("t.yaml line 8: issue 'b': 'data protection' is already listed under issue 'a': a term belongs to "
        + "one issue", m);
  }

  @Test
  void twoTermsWithTheSameLemmaUnderTwoIssues() {
    // "children" and "child" differ as written but share the lemma: caught when the matcher is built
    String m = fault("version: 1\nissues:\n" + ISSUE_A.replace("privacy", "children")
        + ISSUE_A.replace("id: a", "id: b").replace("privacy", "child").replace("data protection", "x y"));
    assertTrue(m.startsWith("t.yaml: issue 'b': term 'child' has the same lemma ('child') as term 'children' of "
        + "issue 'a'"), m);
  }

  @Test
  void emptyTermsAndEmptyIssues() {
    assertEquals("t.yaml line 3: issue 'a': 'terms' holds an empty entry: remove it or write the word",
        fault("version: 1\nissues:\n" + ISSUE_A.replace("[privacy]", "[privacy, '']")));
    assertEquals("t.yaml line 3: issue 'a': no terms and no phrases: give it at least one",
        fault("version: 1\nissues:\n" + ISSUE_A.replace("[privacy]", "[]").replace("[data protection]", "[]")));
    assertEquals("t.yaml line 3: issue 'a': term 'data flow' has several words: list it under phrases",
        fault("version: 1\nissues:\n" + ISSUE_A.replace("[privacy]", "[data flow]")));
  }

  @Test
  void unknownKeysAndMissingFields() {
    assertEquals("t.yaml line 3: issue: unknown key 'synonyms' (known: [description, id, label, phrases, shared, "
        + "terms])",
        fault("version: 1\nissues:\n" + ISSUE_A + "    synonyms: [x]\n"));
    assertEquals("t.yaml line 1: unknown key 'issue' (known: [ignore, issues, version])", fault("issue: []\n"));
    assertEquals("t.yaml: 'version' is missing: give the taxonomy a version (outputs carry it)",
        fault("issues:\n" + ISSUE_A));
    assertEquals("t.yaml line 3: issue 'a': 'label' is missing or empty",
        fault("version: 1\nissues:\n" + ISSUE_A.replace("label: A", "label: ''")));
    assertTrue(fault("version: 1\nissues:\n  - id: [").startsWith("t.yaml line "), "YAML syntax errors name a line");
  }

  @Test
  void ignoredPhrases() {
    assertEquals("t.yaml line 2: 'ignore' lists the single word 'forum': only phrases are ignored (to stop a word "
        + "matching, remove it from its issue)",
        fault("version: 1\nignore: [privacy forum, forum]\nissues:\n" + ISSUE_A));
    assertEquals("t.yaml line 2: 'ignore' lists 'Privacy Forum' twice",
        fault("version: 1\nignore: [privacy forum, Privacy Forum]\nissues:\n" + ISSUE_A));
    assertEquals("t.yaml line 4: issue 'a': 'data protection' is also listed under 'ignore': keep it in one place",
        fault("version: 1\nignore: [data protection]\nissues:\n" + ISSUE_A));
    assertEquals("t.yaml line 2: 'ignore' must be a list", fault("version: 1\nignore: privacy forum\nissues:\n"
        + ISSUE_A));
    assertEquals(List.of("privacy forum"),
        Taxonomy.read("t.yaml", new StringReader("version: 1\nignore: [privacy forum]\nissues:\n" + ISSUE_A))
            .ignore());
    assertEquals(List.of("global multistakeholder meeting on the future of internet governance",
        "global multi-stakeholder meeting on the future of internet governance",
        "global multistakeholder meeting on the future of the internet governance",
        "global multi-stakeholder meeting on the future of the internet governance"), Taxonomy.shipped().ignore());
  }

  /** An incremental run reuses stored matches only under the same taxonomy content, its ignored phrases included. */
  @Test
  void theMemoSettingsFollowTheWholeTaxonomy() {
    String base = "version: 1\nignore: [privacy forum]\nissues:\n" + ISSUE_A;
    String settings = IssuesJob.memoConfig(Taxonomy.read("t.yaml", new StringReader(base)), null);
    assertEquals(settings, IssuesJob.memoConfig(Taxonomy.read("other.yaml", new StringReader(base)), null));
    assertTrue(!settings.equals(IssuesJob.memoConfig(Taxonomy.read("t.yaml",
        new StringReader(base.replace("privacy forum", "privacy forums"))), null)), "an ignored phrase changed");
    assertTrue(!settings.equals(IssuesJob.memoConfig(Taxonomy.read("t.yaml",
        new StringReader(base.replace("[privacy]", "[privacy, gdpr]"))), null)), "a term added");
  }

  @Test
  void sharedTermsMustBeAnotherIssuesAndCountForBoth() {
    String b = ISSUE_A.replace("id: a", "id: b").replace("[privacy]", "[surveillance]")
        .replace("[data protection]", "[mass surveillance]");
    assertEquals("t.yaml line 8: issue 'b': shared 'gdpr' is no other issue's term or phrase: list it under terms or "
        + "phrases, or under the issue it belongs to",
        fault("version: 1\nissues:\n" + ISSUE_A + b + "    shared: [gdpr]\n"));
    assertEquals("t.yaml line 8: issue 'b': shared 'Surveillance' is this issue's own term or phrase: remove it "
        + "from shared",
        fault("version: 1\nissues:\n" + ISSUE_A + b + "    shared: [Surveillance]\n"));
    assertEquals("t.yaml line 8: issue 'b': shared 'Privacy' is listed twice",
        fault("version: 1\nissues:\n" + ISSUE_A + b + "    shared: [privacy, Privacy]\n"));
    assertEquals("t.yaml line 9: issue 'b': shared 'privacy forum' is listed under 'ignore', which counts for no "
        + "issue: remove it from one of them",
        fault("version: 1\nignore: [privacy forum]\nissues:\n" + ISSUE_A + b + "    shared: [privacy forum]\n"));
    Taxonomy t = Taxonomy.read("t.yaml", new StringReader("version: 1\nissues:\n" + ISSUE_A + b
        + "    shared: [privacy, data protection]\n"));
    assertEquals(List.of("privacy", "data protection"), t.issue("b").shared());
    assertEquals(List.of("icann", "iana", "gac", "gnso", "alac", "ccnso"),
        Taxonomy.shipped().issue("igf_multistakeholder").shared());
  }
}
