package org.opennessobservatory.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.mapping.IssueGoldFile.Example;

class IssueClassifierTest {
  private static final String TAXONOMY = """
      version: "1"
      issues:
        - id: access
          label: Access
          description: Getting people online.
          terms: [connectivity]
        - id: privacy
          label: Privacy
          description: Personal data.
          terms: [privacy]
      """;

  @TempDir
  Path dir;

  static Taxonomy taxonomy() {
    return Taxonomy.read("t.yaml", new StringReader(TAXONOMY));
  }

  private static Example example(String id, String text, String... issues) {
    return new Example(id, text, Set.of(issues), "", "examples", 2);
  }

  /** Access said in other words, privacy never: each word pair that says access occurs in two examples or more. */
  private static final List<Example> EXAMPLES = List.of(
      example("e1", "The village still waits for a mast, so the school has no signal.", "access"),
      example("e2", "Our village has no signal and the nearest mast is far away.", "access"),
      example("e3", "Without a mast the village school cannot get a signal.", "access"),
      example("e4", "Lunch is served in the hall after the second session."),
      example("e5", "The second session starts after lunch in the hall."),
      example("e6", "Coffee and lunch are in the hall next to the second room."));

  /** A classifier of {@link #taxonomy}'s issues trained on the six examples above. */
  static IssueClassifier tiny() {
    return IssueClassifier.train("test", EXAMPLES, List.of("access", "privacy"), 0.7);
  }

  @Test
  void aSentenceSaidInOtherWordsIsClassifiedWithItsIssue() {
    IssueClassifier c = tiny();
    assertArrayEquals(new int[] {0}, c.classify(lower("The village has no mast and no signal.")));
    assertArrayEquals(new int[0], c.classify(lower("Lunch is in the hall after the session.")));
    // No example is labelled privacy: it has no model and is never found.
    assertArrayEquals(new int[0], c.classify(lower("Privacy matters.")));
    // Punctuation and numbers are no words: a sentence without words is no issue's.
    assertArrayEquals(new int[0], c.classify(new String[] {"1.", "--", "?"}));
  }

  /** The matcher reports the classifier's issues with no term match, and the terms' with no classified sentence. */
  @Test
  void theMatcherCountsClassifiedSentencesApartFromTermMatches() {
    IssueMatcher m = IssueMatcher.of(taxonomy(), tiny());
    Map<String, IssueMatcher.Hit> hits = m.match("The village has no mast and no signal. Privacy matters. "
        + "Our village school has no signal, but connectivity is coming.").hits();
    assertEquals(new IssueMatcher.Hit(1, List.of("connectivity"), 2), hits.get("access"));
    assertEquals(new IssueMatcher.Hit(1, List.of("privacy"), 0), hits.get("privacy"));
    assertEquals("lemma_match+classifier", IssuesStage.method(1, 2));
    assertEquals("lemma_match", IssuesStage.method(1, 0));
    assertEquals("classifier", IssuesStage.method(0, 1));
    assertEquals(Map.of("access", new IssueMatcher.Hit(0, List.of(), 1)),
        m.match("A mast for the village, at last.").hits());
  }

  /** Training counts: the same examples give the same classifier, also after travelling to an executor. */
  @Test
  void trainingIsDeterministicAndTheClassifierSerializes() throws IOException, ClassNotFoundException {
    IssueClassifier a = IssueEvalTest.shippedClassifier();
    IssueClassifier b = IssueEvalTest.shippedClassifier();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    IssueClassifier travelled;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      travelled = (IssueClassifier) in.readObject();
    }
    assertEquals(a.fingerprint(), b.fingerprint());
    for (String text : List.of("The village still waits for a mast.", "Our data never leaves the country.",
        "Thank you, Chair.", "Who decides how the root zone is run, and to whom do they answer?")) {
      String[] words = lower(text);
      assertArrayEquals(a.classify(words), b.classify(words), text);
      assertArrayEquals(a.classify(words), travelled.classify(words), text);
    }
    assertTrue(a.describe().startsWith("classifier trained on 2286 examples (reference/issue-examples.tsv)"),
        a.describe());
  }

  /**
   * The tables give what OpenNLP's own evaluation gives, model by model, on every shipped example and gold utterance:
   * the same probabilities, to the last bit (the same functions add the same logs in the same order).
   */
  @Test
  void theTablesGiveOpenNlpsOwnProbabilities() {
    List<String> ids = Taxonomy.shipped().issues().stream().map(Taxonomy.Issue::id).toList();
    List<Example> examples = IssueClassifier.examples(null, new Configuration(), Taxonomy.shipped());
    DoccatModel[] models = IssueClassifier.models(examples,
        examples.stream().map(e -> IssueClassifier.wordsOf(e.text())).toList(), ids);
    IssueClassifier c = IssueEvalTest.shippedClassifier();
    List<String> texts = new java.util.ArrayList<>(examples.stream().map(Example::text).toList());
    IssueEval.read(IssueEvalTest.GOLD, Set.copyOf(ids)).forEach(e -> texts.add(e.text()));
    int above = 0;
    for (String text : texts) {
      String[] words = IssueClassifier.wordsOf(text);
      double[] got = c.probabilities(words);
      for (int i = 0; i < ids.size(); i++) {
        DocumentCategorizerME library = new DocumentCategorizerME(models[i]);
        double want = library.categorize(words)[library.getIndex("yes")];
        assertEquals(want, got[i], 0.0, ids.get(i) + ": " + text);
        above += want >= IssueClassifier.THRESHOLD ? 1 : 0;
      }
    }
    assertTrue(above > 500, above + " decisions above the threshold: the comparison covers both sides");
  }

  /**
   * A pair with a colon in a word is one OpenNLP feature however the colon splits it ("ng=:ab:cd:ef" for ("ab:cd",
   * "ef") and for ("ab", "cd:ef")): the classifier finds it either way, as OpenNLP does.
   */
  @Test
  void pairsWithAColonAreTheFeatureOpenNlpMakes() {
    List<Example> examples = new java.util.ArrayList<>(EXAMPLES);
    examples.add(example("c1", "Look up ab:cd ef for the mast.", "access"));
    examples.add(example("c2", "The page ab:cd ef lists every mast.", "access"));
    List<String> ids = List.of("access", "privacy");
    IssueClassifier c = IssueClassifier.train("colons", examples, ids, 0.5);
    DocumentCategorizerME library = new DocumentCategorizerME(IssueClassifier.models(examples,
        examples.stream().map(e -> IssueClassifier.wordsOf(e.text())).toList(), ids)[0]);
    for (String[] words : List.of(new String[] {"ab:cd", "ef"}, new String[] {"ab", "cd:ef"},
        new String[] {"x", "ab", "cd:ef", "mast"})) {
      assertEquals(library.categorize(words)[library.getIndex("yes")], c.probabilities(words)[0], 0.0,
          String.join(" ", words));
    }
    // the feature is known: the probability differs from a pair the models never saw
    assertNotEquals(c.probabilities(new String[] {"ab", "cd:ef"})[0],
        c.probabilities(new String[] {"ab", "zz:ef"})[0]);
  }

  /** An incremental run reuses stored matches only with the same examples and settings, or the same absence. */
  @Test
  void theMemoSettingsFollowTheExamples() {
    String with = IssuesJob.memoConfig(taxonomy(), tiny());
    assertEquals(with, IssuesJob.memoConfig(taxonomy(),
        IssueClassifier.train("elsewhere", EXAMPLES, List.of("access", "privacy"), 0.7)));
    assertNotEquals(with, IssuesJob.memoConfig(taxonomy(), null));
    assertNotEquals(with, IssuesJob.memoConfig(taxonomy(),
        IssueClassifier.train("test", EXAMPLES, List.of("access", "privacy"), 0.9)));
    assertNotEquals(with, IssuesJob.memoConfig(taxonomy(),
        IssueClassifier.train("test", EXAMPLES.subList(0, 5), List.of("access", "privacy"), 0.7)));
    List<Example> relabelled = new java.util.ArrayList<>(EXAMPLES);
    relabelled.set(3, example("e4", EXAMPLES.get(3).text(), "access"));
    assertNotEquals(with, IssuesJob.memoConfig(taxonomy(),
        IssueClassifier.train("test", relabelled, List.of("access", "privacy"), 0.7)), "a label changed alone");
  }

  /** Examples that parse but leave nothing to train on fail with what to do, before any stage runs. */
  @Test
  void tooFewExamplesToTrainOnAreAUserError() throws IOException {
    Path file = Files.writeString(dir.resolve("few.tsv"),
        "id\ttext\texpected\tnote\nm1\tThe mast is up.\taccess\t\nm2\tCoffee now.\t\t\n");
    UserException e = assertThrows(UserException.class,
        () -> IssueClassifier.load(file.toString(), new Configuration(), taxonomy()));
    assertTrue(e.getMessage().startsWith(file + ": too few examples to train the classifier for issue access (")
        && e.getMessage().endsWith("give more examples, or --issue-examples none"), e.getMessage());
  }

  /**
   * A run with a taxonomy of other issue ids and the shipped examples stops before any stage, saying what to give;
   * with {@code --issue-examples none} the same configuration is accepted (the check passes on to the corpus).
   */
  @Test
  void aRunWithAnotherTaxonomyNeedsItsOwnExamplesOrNone() throws IOException {
    Path taxonomy = Files.writeString(dir.resolve("t.yaml"), TAXONOMY);
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path out = dir.resolve("out");
    var run = org.opennessobservatory.testing.CliRunner.observatory("run", "--corpus", corpus.toString(), "--out",
        out.toString(), "--taxonomy", taxonomy.toString(), "--quiet");
    assertNotEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("reference/issue-examples.tsv line 3: unknown issue id 'content_governance'")
        && run.err().contains("--issue-examples none"), run.err());
    assertTrue(!Files.exists(out.resolve("documents")), "no stage ran");
  }

  @Test
  void examplesAreCheckedAgainstTheTaxonomy() throws IOException {
    Configuration conf = new Configuration();
    assertNull(IssueClassifier.load(IssueClassifier.NONE, conf, taxonomy()));
    UserException e = assertThrows(UserException.class, () -> IssueClassifier.examples(null, conf, taxonomy()));
    assertTrue(e.getMessage().startsWith("reference/issue-examples.tsv line 3: unknown issue id 'content_governance'")
        && e.getMessage().contains("give examples labelled with your taxonomy's to --issue-examples FILE, or "
            + "--issue-examples none"), e.getMessage());
    Path file = dir.resolve("mine.tsv");
    Files.writeString(file, "id\ttext\texpected\tnote\nm1\tThe mast is up.\taccess\t\nm2\tOur records leak.\tprivcy\t\n");
    e = assertThrows(UserException.class, () -> IssueClassifier.examples(file.toString(), conf, taxonomy()));
    assertEquals(file + " line 3: unknown issue id 'privcy' (not in the taxonomy)", e.getMessage());
    e = assertThrows(UserException.class,
        () -> IssueClassifier.examples(dir.resolve("absent.tsv").toString(), conf, taxonomy()));
    assertTrue(e.getMessage().contains("does not exist (give the file to --issue-examples)"), e.getMessage());
    Files.writeString(file, "id\ttext\texpected\tnote\nm1\tThe mast is up.\taccess\t\n");
    assertEquals(List.of("m1"), IssueClassifier.examples(file.toString(), conf, taxonomy()).stream()
        .map(Example::id).toList());
  }

  private static String[] lower(String sentence) {
    return Lemmas.lower(Lemmas.tokens(sentence));
  }
}
