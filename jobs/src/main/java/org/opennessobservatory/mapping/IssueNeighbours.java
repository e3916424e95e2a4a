package org.opennessobservatory.mapping;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.opennessobservatory.nlp.SentenceEmbeddings;

/**
 * The neighbour method of stage issues: a sentence speaks of the issues of the labelled example it is closest to in
 * meaning ({@link SentenceEmbeddings}), when that example is close enough ({@link #threshold}). It finds what the
 * taxonomy's words cannot: an issue described in plain words ("twenty million people do not use the internet at
 * all"). An example labelled with no issue (procedure, everyday senses of the field's words) is a neighbour too, and
 * then the sentence gets none: negative examples keep near-misses out.
 *
 * <p>Built on the driver from the examples (text and labels only) and shipped to executors; each JVM embeds the
 * examples once, at first use.
 */
public final class IssueNeighbours implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The cosine similarity from which an example counts as a sentence's neighbour: the highest F1 of both methods with
   * precision at least 0.9 on the gold set's development file ({@code observatory eval issues} prints the sweep;
   * {@code IssueEvalTest} checks the choice). Not chosen on the examples: the taxonomy was tuned on them, so there the
   * terms alone leave little to find.
   */
  public static final double THRESHOLD = 0.45;

  /** The nearest example of a sentence, its similarity and its labels. */
  public record Neighbour(String exampleId, double similarity, List<String> issues) implements Serializable {}

  private final String[] ids;
  private final String[] texts;
  private final String[][] issues;
  private final double threshold;
  private transient volatile float[][] vectors;

  private IssueNeighbours(List<IssueExamples.Example> examples, double threshold) {
    int n = examples.size();
    ids = new String[n];
    texts = new String[n];
    issues = new String[n][];
    for (int i = 0; i < n; i++) {
      IssueExamples.Example e = examples.get(i);
      ids[i] = e.id();
      texts[i] = e.text();
      issues[i] = e.expected().stream().sorted().toArray(String[]::new);
    }
    this.threshold = threshold;
  }

  /** Neighbours among {@code examples} from {@link #THRESHOLD}. */
  public static IssueNeighbours of(List<IssueExamples.Example> examples) {
    return new IssueNeighbours(examples, THRESHOLD);
  }

  /** Neighbours among {@code examples} from another threshold (the sweep of {@code eval issues}). */
  static IssueNeighbours of(List<IssueExamples.Example> examples, double threshold) {
    return new IssueNeighbours(examples, threshold);
  }

  public double threshold() {
    return threshold;
  }

  /** Every issue id an example carries. */
  Set<String> labels() {
    Set<String> all = new java.util.TreeSet<>();
    for (String[] i : issues) {
      all.addAll(List.of(i));
    }
    return all;
  }

  /**
   * The example closest to {@code sentence} if it is at least {@link #threshold} close, else null.
   *
   * @param skip an example id not to consider (the sentence is that example: leave one out), or null
   */
  public Neighbour nearest(String sentence, String skip) {
    return nearest(SentenceEmbeddings.embed(sentence), skip);
  }

  Neighbour nearest(float[] sentence, String skip) {
    float[][] v = vectors();
    int best = -1;
    double bestSimilarity = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      if (ids[i].equals(skip)) {
        continue;
      }
      double s = SentenceEmbeddings.cosine(sentence, v[i]);
      if (s > bestSimilarity) {
        best = i;
        bestSimilarity = s;
      }
    }
    return best < 0 || bestSimilarity < threshold ? null
        : new Neighbour(ids[best], bestSimilarity, List.of(issues[best]));
  }

  private float[][] vectors() {
    float[][] v = vectors;
    if (v == null) {
      synchronized (this) {
        if (vectors == null) {
          float[][] computed = new float[texts.length][];
          for (int i = 0; i < texts.length; i++) {
            computed[i] = SentenceEmbeddings.embed(texts[i]);
          }
          vectors = computed;
        }
        v = vectors;
      }
    }
    return v;
  }

  /** What the neighbours depend on besides the code: the examples and the threshold (for memo keys). */
  String fingerprint() {
    StringBuilder b = new StringBuilder(SentenceEmbeddings.MODEL).append(", threshold ").append(threshold);
    for (int i = 0; i < ids.length; i++) {
      b.append('\n').append(ids[i]).append('\t').append(texts[i]).append('\t').append(String.join("|", issues[i]));
    }
    return b.toString();
  }
}
