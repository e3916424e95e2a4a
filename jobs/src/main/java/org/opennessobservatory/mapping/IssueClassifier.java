package org.opennessobservatory.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.InsufficientTrainingDataException;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;
import org.apache.hadoop.conf.Configuration;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.ReferenceFile;
import org.opennessobservatory.mapping.IssueGoldFile.Example;

/**
 * Stage issues' second method, for what the taxonomy's terms miss because it is said in other words ("the village
 * still waits for a mast"): per issue, a naive Bayes classifier (OpenNLP doccat) over a sentence's lower-case words
 * and word pairs, trained on labelled example sentences. A sentence speaks of an issue when its model gives it a
 * probability of at least {@link #threshold}.
 *
 * <p>The shipped examples ({@link #SHIPPED}, reference/README.md says how they were written) are none of the gold
 * set's, so that {@code observatory eval issues} measures the classifier on text it was not trained on. Naive Bayes
 * rather than maximum entropy: on the gold set it found more at the same precision, and trains in seconds on
 * the driver. Training is deterministic (counts), so every run with the same examples classifies alike; the models
 * travel to the executors with the matcher, as {@link NaiveBayesTables}.
 */
public final class IssueClassifier implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SHIPPED = "reference/issue-examples.tsv";
  /** The value of {@code --issue-examples} that turns the classifier off. */
  public static final String NONE = "none";
  /** What summaries say where there is no classifier. */
  public static final String ABSENT = "no classifier";

  /**
   * The probability a sentence needs. Naive Bayes pushes its probabilities to 0 and 1, so the useful thresholds are
   * close to 1. Chosen on the development files of the gold set (README, section 7): 0.99, 0.999 and 0.9999 gave the
   * same F1 with the taxonomy's matches (0.767, 0.766, 0.763), 0.999 the better precision of the first two.
   */
  public static final double THRESHOLD = 0.999;

  /** A word or pair must occur in this many examples to be a feature: one-off words are noise at this size. */
  private static final int CUTOFF = 2;

  private static final String YES = "yes";
  private static final String NO = "no";
  /** Words and word pairs ({@link #features}); stateless, shared by the task threads of a JVM. */
  private static final FeatureGenerator[] FEATURES = features();

  private final String source;
  private final int exampleCount;
  private final double threshold;
  /** What the models follow from: the examples' texts and labels, the threshold and the training settings. */
  private final String fingerprint;
  /** Per issue of the taxonomy, in its order, its model (none when no example is labelled with it). */
  private final NaiveBayesTables models;
  /**
   * The models' rows by word and by word pair, so that a sentence is classified without making its feature strings
   * ("bow=…", "ng=:…:…" for every word and pair): that took about half the classifier's time. Every feature a model
   * knows comes from an example's words, so indexing the examples' words and pairs finds them all. A pair with a
   * colon in a word ("http://…") is looked up by its feature string, which is ambiguous there: ("a:b", "c") and ("a",
   * "b:c") are one feature to OpenNLP.
   */
  private final HashMap<String, double[]> wordRows = new HashMap<>();
  private final HashMap<String, HashMap<String, double[]>> pairRows = new HashMap<>();

  private IssueClassifier(String source, List<String[]> exampleWords, double threshold, String fingerprint,
      DoccatModel[] models) {
    this.source = source;
    this.exampleCount = exampleWords.size();
    this.threshold = threshold;
    this.fingerprint = fingerprint;
    this.models = new NaiveBayesTables(models, YES);
    for (String[] words : exampleWords) {
      for (int i = 0; i < words.length; i++) {
        double[] row = this.models.row(onlyFeature(FEATURES[0], words[i]));
        if (row != null) {
          wordRows.put(words[i], row);
        }
        if (i + 1 < words.length && !colonIn(words[i], words[i + 1])) {
          row = this.models.row(onlyFeature(FEATURES[1], words[i], words[i + 1]));
          if (row != null) {
            pairRows.computeIfAbsent(words[i], w -> new HashMap<>()).put(words[i + 1], row);
          }
        }
      }
    }
  }

  private static boolean colonIn(String a, String b) {
    return a.indexOf(':') >= 0 || b.indexOf(':') >= 0;
  }

  /** The one feature {@code generator} makes of a word or a pair. */
  private static String onlyFeature(FeatureGenerator generator, String... words) {
    return generator.extractFeatures(words, Map.of()).iterator().next();
  }

  /**
   * The classifier trained on the examples at {@code path} ({@link #examples}); null when {@code path} is
   * {@link #NONE}.
   */
  public static IssueClassifier load(String path, Configuration conf, Taxonomy taxonomy) {
    List<Example> examples = examples(path, conf, taxonomy);
    return examples == null ? null : train(path == null ? SHIPPED : path, examples,
        taxonomy.issues().stream().map(Taxonomy.Issue::id).toList(), THRESHOLD);
  }

  /**
   * The examples at {@code path} (any Hadoop file system; the gold set's format), or the shipped ones when
   * {@code path} is null; null when it is {@link #NONE}. Checked before any stage runs.
   *
   * @throws UserException when the file is faulty or labels an issue {@code taxonomy} does not have
   */
  public static List<Example> examples(String path, Configuration conf, Taxonomy taxonomy) {
    if (NONE.equals(path)) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    taxonomy.issues().forEach(i -> ids.add(i.id()));
    try {
      return ReferenceFile.load(path, conf, SHIPPED, "issue examples", "--issue-examples",
          (name, reader) -> IssueGoldFile.parse(name, "examples", new BufferedReader(reader).lines().toList(), ids,
              new HashSet<>(), null));
    } catch (UserException e) {
      if (path != null) {
        throw e;
      }
      throw new UserException(e.getMessage() + ". The shipped examples are labelled with the shipped taxonomy's "
          + "issues: give examples labelled with your taxonomy's to --issue-examples FILE, or --issue-examples "
          + NONE + " to find issues by the taxonomy's terms alone");
    }
  }

  /**
   * Trains one model per issue of {@code issueIds} on {@code examples} (labelled with those ids only).
   *
   * @param source where the examples come from, for the summary
   */
  static IssueClassifier train(String source, List<Example> examples, List<String> issueIds, double threshold) {
    List<String[]> words = examples.stream().map(e -> wordsOf(e.text())).toList();
    DoccatModel[] models;
    try {
      models = models(examples, words, issueIds);
    } catch (UserException e) {
      throw new UserException(source + ": " + e.getMessage());
    }
    return new IssueClassifier(source, words, threshold, fingerprint(examples, threshold), models);
  }

  /**
   * Per issue of {@code issueIds}, its model trained on {@code examples} (whose {@link #wordsOf} are {@code words}),
   * or null when none is labelled with it.
   */
  static DoccatModel[] models(List<Example> examples, List<String[]> words, List<String> issueIds) {
    DoccatModel[] models = new DoccatModel[issueIds.size()];
    for (int i = 0; i < models.length; i++) {
      String issue = issueIds.get(i);
      List<DocumentSample> samples = new ArrayList<>(examples.size());
      for (int e = 0; e < examples.size(); e++) {
        samples.add(new DocumentSample(examples.get(e).expected().contains(issue) ? YES : NO, words.get(e)));
      }
      if (samples.stream().map(DocumentSample::getCategory).distinct().count() == 2) {
        models[i] = train(samples, issue);
      }
    }
    return models;
  }

  private static String fingerprint(List<Example> examples, double threshold) {
    StringBuilder all = new StringBuilder("naive bayes, words and pairs, cutoff " + CUTOFF + ", threshold "
        + threshold + "\n");
    for (Example e : examples) {
      all.append(e.text()).append('\t').append(new TreeSet<>(e.expected())).append('\n');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static DoccatModel train(List<DocumentSample> samples, String issue) {
    TrainingParameters p = TrainingParameters.defaultParams();
    p.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
    p.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
    try {
      return DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples), p,
          new DoccatFactory(features()));
    } catch (InsufficientTrainingDataException e) {
      // Features seen in fewer than CUTOFF examples are dropped, and with them examples left without any.
      throw new UserException("too few examples to train the classifier for issue " + issue + " ("
          + e.getMessage() + "): an example counts only with a word or word pair found in at least " + CUTOFF
          + " examples, and an issue needs examples with and without it; give more examples, or --issue-examples "
          + NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("training an issue model in memory", e);
    }
  }

  /** An example's words: the lower-case tokens of its sentences holding a letter (punctuation and numbers say nothing). */
  static String[] wordsOf(String text) {
    List<String> out = new ArrayList<>();
    for (String sentence : Lemmas.sentences(IssueMatcher.normalise(text))) {
      out.addAll(Arrays.asList(words(Lemmas.lower(Lemmas.tokens(sentence)))));
    }
    return out.toArray(String[]::new);
  }

  /** Words and word pairs: the features of training and of {@link #classify}, in this order. */
  private static FeatureGenerator[] features() {
    try {
      return new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
    } catch (InvalidFormatException e) {
      throw new IllegalStateException("word pairs are valid n-grams", e);
    }
  }

  /** The words {@link #classify} looks at among a sentence's lower-case tokens. */
  static String[] words(String[] lower) {
    return Arrays.stream(lower).filter(t -> t.chars().anyMatch(Character::isLetter)).toArray(String[]::new);
  }

  /**
   * The issues (their positions in the taxonomy) whose model gives the sentence at least the threshold, in taxonomy
   * order.
   *
   * @param lower the sentence's lower-case tokens
   */
  int[] classify(String[] lower) {
    String[] w = words(lower);
    if (w.length == 0) {
      return new int[0];
    }
    double[] p = probabilities(w);
    int[] found = new int[p.length];
    int n = 0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= threshold) {
        found[n++] = i;
      }
    }
    return Arrays.copyOf(found, n);
  }

  /**
   * Per issue, the probability its model gives {@code words} of speaking of it (NaN without a model), from the
   * features DocumentCategorizerME makes of them, in its order: every word, then every pair.
   */
  double[] probabilities(String[] words) {
    double[] sums = models.emptySums();
    for (String w : words) {
      NaiveBayesTables.add(sums, wordRows.get(w));
    }
    for (int i = 0; i + 1 < words.length; i++) {
      if (colonIn(words[i], words[i + 1])) {
        NaiveBayesTables.add(sums, models.row(onlyFeature(FEATURES[1], words[i], words[i + 1])));
        continue;
      }
      HashMap<String, double[]> next = pairRows.get(words[i]);
      if (next != null) {
        NaiveBayesTables.add(sums, next.get(words[i + 1]));
      }
    }
    return models.probabilities(sums);
  }

  /** What an issue match depends on besides the text and the taxonomy, for an incremental run's memo. */
  String fingerprint() {
    return fingerprint;
  }

  /** For the summary: where the examples come from, how many, the threshold. */
  public String describe() {
    return String.format(Locale.ROOT, "classifier trained on %d examples (%s), threshold %s", exampleCount, source,
        threshold);
  }
}
