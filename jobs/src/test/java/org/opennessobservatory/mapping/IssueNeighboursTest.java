package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.nlp.SentenceEmbeddings;

class IssueNeighboursTest {
  static IssueExamples.Example example(String id, String text, String... issues) {
    return new IssueExamples.Example(id, text, Set.of(issues), "", "test", 0);
  }

  private static final List<IssueExamples.Example> EXAMPLES = List.of(
      example("n1", "Twenty million people here have never used the internet.", "access"),
      example("n2", "Thank you, Chair, for giving me the floor."),
      example("n3", "Bloggers were jailed for their posts.", "rights"),
      example("n4", "Censorship is rising.", "rights"));

  private static final Taxonomy SMALL = Taxonomy.read("t.yaml", new StringReader("""
      version: "t1"
      issues:
        - id: access
          label: Access
          description: d
          terms: [connectivity]
          phrases: [community network, digital divide]
        - id: rights
          label: Rights
          description: d
          terms: [censorship]
      """));

  @Test
  void vectorsHaveLengthOneSoThatTheirDotProductIsTheCosine() {
    float[] v = SentenceEmbeddings.embed("Community networks close the digital divide.");
    assertEquals(SentenceEmbeddings.DIMENSIONS, v.length);
    assertEquals(1.0, SentenceEmbeddings.cosine(v, v), 1e-4);
    float[] w = SentenceEmbeddings.embed("The bus to the venue leaves at nine.");
    double dot = SentenceEmbeddings.cosine(v, w);
    assertTrue(dot > -1 && dot < 0.5, "unrelated sentences are far apart: " + dot);
  }

  @Test
  void vectorsAreTheModelClassOfTheLibrarys() {
    // the session is built here (one thread) instead of by the library's class: the same network, tokenizer, pooling
    var library = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel(
        Runnable::run);
    for (String s : List.of("Community networks close the digital divide.", "Thank you, Chair.",
        "Hackers stole the records of two million patients from the hospital network, and nobody was told.")) {
      float[] expected = library.embed(s).content().vector();
      float[] got = SentenceEmbeddings.embed(s);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], got[i], 1e-5, s + " [" + i + "]");
      }
    }
  }

  @Test
  void anExampleIsItsOwnNearestNeighbourUnlessLeftOut() {
    IssueNeighbours all = IssueNeighbours.of(EXAMPLES, Double.NEGATIVE_INFINITY);
    IssueNeighbours.Neighbour self = all.nearest(EXAMPLES.get(0).text(), null);
    assertEquals("n1", self.exampleId());
    assertEquals(1.0, self.similarity(), 1e-4);
    assertEquals(List.of("access"), self.issues());
    IssueNeighbours.Neighbour other = all.nearest(EXAMPLES.get(0).text(), "n1");
    assertTrue(!other.exampleId().equals("n1") && other.similarity() < 0.9, other.toString());
  }

  @Test
  void aNeighbourCountsFromTheThresholdOn() {
    String sentence = "Many villagers have never been online.";
    double s = IssueNeighbours.of(EXAMPLES, Double.NEGATIVE_INFINITY).nearest(sentence, null).similarity();
    assertNotNull(IssueNeighbours.of(EXAMPLES, s).nearest(sentence, null), "at the threshold: counts");
    assertNull(IssueNeighbours.of(EXAMPLES, s + 1e-6).nearest(sentence, null), "below the threshold: none");
  }

  @Test
  void aSentenceGetsItsNeighboursIssuesOnceAndLemmaMatchesComeFirst() {
    // Identical sentences are at similarity 1, any two others of these far below 0.95: the neighbours are known.
    IssueMatcher m = IssueMatcher.of(SMALL, IssueNeighbours.of(EXAMPLES, 0.95));
    Map<String, IssueMatcher.Hit> hits = m.match("Twenty million people here have never used the internet. "
        + "Community networks close the digital divide. Bloggers were jailed for their posts. Censorship is rising.")
        .hits();
    // access: 2 lemma matches in sentence 2, and sentence 1 by its neighbour n1 (1): 3, both methods
    assertEquals(new IssueMatcher.Hit(3, List.of("community network", "digital divide", "example n1"),
        IssueMatcher.BOTH), hits.get("access"));
    // rights: sentence 3 by its neighbour n3 (1); sentence 4 by the term censorship (1), whose neighbour n4 carries
    // rights too and is not counted again
    assertEquals(new IssueMatcher.Hit(2, List.of("censorship", "example n3"), IssueMatcher.BOTH),
        hits.get("rights"));
    assertEquals(List.of("access", "rights"), List.copyOf(hits.keySet()), "taxonomy order");
    assertEquals(new IssueMatcher.Hit(1, List.of("censorship"), IssueMatcher.LEMMA),
        m.match("Censorship is rising.").hits().get("rights"));
    assertEquals(new IssueMatcher.Hit(1, List.of("example n3"), IssueMatcher.NEIGHBOUR),
        m.match("Bloggers were jailed for their posts.").hits().get("rights"));
    // a sentence whose neighbour carries no issue gets none
    assertEquals(Map.of(), m.match("Thank you, Chair, for giving me the floor.").hits());
    // left out, n1 is no neighbour of its own text
    assertEquals(Map.of(), m.match(EXAMPLES.get(0).text(), null, "n1").hits());
  }

  @Test
  void examplesLabelledWithAnIssueTheTaxonomyLacksAreAUserError() {
    UserException e = assertThrows(UserException.class, () -> IssueMatcher.of(SMALL,
        IssueNeighbours.of(List.of(example("x", "Privacy matters.", "privacy")))));
    assertTrue(e.getMessage().contains("label an issue 'privacy' that taxonomy t.yaml does not have"),
        e.getMessage());
  }

  @Test
  void theShippedExamplesUseTheShippedTaxonomysIssues() {
    Set<String> known = new java.util.HashSet<>();
    Taxonomy.shipped().issues().forEach(i -> known.add(i.id()));
    List<IssueExamples.Example> shipped = IssueExamples.shipped(known);
    assertTrue(shipped.size() >= 200, shipped.size() + " examples");
    assertNotNull(IssueMatcher.of(Taxonomy.shipped(), IssueNeighbours.of(shipped)).neighbours());
  }
}
