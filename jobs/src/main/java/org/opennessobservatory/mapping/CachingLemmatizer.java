package org.opennessobservatory.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import opennlp.tools.lemmatizer.DefaultLemmatizerContextGenerator;
import opennlp.tools.lemmatizer.DefaultLemmatizerSequenceValidator;
import opennlp.tools.lemmatizer.LemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.Sequence;

/**
 * {@link LemmatizerME#lemmatize(String[], String[])} with the same results, several times faster. Not thread-safe: one
 * per thread.
 *
 * <p>LemmatizerME runs OpenNLP's {@code BeamSearch} over the sentence: at each token, for each of the (at most 3)
 * sequences in the beam, it builds the token's context, evaluates the maxent model on it (a probability for each of
 * the model's ~860 classes), copies and sorts those probabilities to find the beam-size-th largest, and extends the
 * sequence by every class scoring at least that much. The evaluation and the sort are most of the stage issues' time.
 * Both depend only on the context, and the context only on (token, POS tag, the sequence's previous class) — read
 * from {@link DefaultLemmatizerContextGenerator#getContext(int, String[], String[], String[])}: the word, its
 * prefixes and suffixes, its tag, the previous class or "bos", and whether the word has a hyphen, a capital or a
 * digit. So this class remembers, per such triple, the classes that pass and their probabilities, and replays the
 * search loop of {@code BeamSearch.bestSequences} (OpenNLP 2.5) with them: sequences scored and ordered as
 * {@link Sequence} does, added in the same order to the same priority queues, so ties break the same way. Only where
 * the remembered classes all fall below the score floor (the search then tries every class) is the model evaluated
 * again, as BeamSearch does. The lemmas are decoded by LemmatizerME's own
 * {@link LemmatizerME#decodeLemmas}.
 *
 * <p>The test {@code CachingLemmatizerTest} compares it with LemmatizerME on every sentence of the sample transcripts
 * and of a generated corpus; {@link #supports} keeps it to models whose context generator is the one read above.
 */
final class CachingLemmatizer {
  /** The lemmatizer model's entry in its archive (LemmatizerModel's LEMMATIZER_MODEL_ENTRY_NAME). */
  private static final String MODEL_ENTRY = "lemmatizer.model";
  /** BeamSearch's floor for a sequence's log score ({@code zeroLog}), as LemmatizerME calls it. */
  private static final double MIN_SEQUENCE_SCORE = -100000;
  /** Remembered (token, tag, previous class) triples per lemmatizer; the least recently used go first. */
  static final int CACHE_ENTRIES = 100_000;

  private record Key(String token, String tag, String previous) {}

  /** The classes whose probability is at least the beam-size-th largest, in class order, with those probabilities. */
  private record Step(int[] classes, double[] probabilities) {}

  private final MaxentModel model;
  private final int beamSize;
  private final LemmatizerContextGenerator contexts;
  private final double[] probs;
  private final Map<Key, Step> steps = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Step> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  private CachingLemmatizer(LemmatizerModel lemmatizer) {
    model = lemmatizer.getArtifact(MODEL_ENTRY);
    // as LemmatizerModel.getLemmatizerSequenceModel sizes the BeamSearch LemmatizerME uses
    String beam = lemmatizer.getManifestProperty("BeamSize");
    beamSize = beam == null ? LemmatizerME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam);
    contexts = lemmatizer.getFactory().getContextGenerator();
    probs = new double[model.getNumOutcomes()];
  }

  /**
   * Whether {@link #of} can stand in for LemmatizerME with this model: a maxent model, the default context generator
   * (read above) and the default sequence validator (it accepts every class).
   */
  static boolean supports(LemmatizerModel lemmatizer) {
    return lemmatizer.getArtifact(MODEL_ENTRY) instanceof MaxentModel
        && lemmatizer.getFactory().getContextGenerator().getClass() == DefaultLemmatizerContextGenerator.class
        && lemmatizer.getFactory().getSequenceValidator().getClass() == DefaultLemmatizerSequenceValidator.class;
  }

  static CachingLemmatizer of(LemmatizerModel lemmatizer) {
    if (!supports(lemmatizer)) {
      throw new IllegalArgumentException("not a maxent lemmatizer with the default context generator");
    }
    return new CachingLemmatizer(lemmatizer);
  }

  /** The lemmas LemmatizerME gives these tokens with these tags. */
  String[] lemmatize(String[] tokens, String[] tags) {
    Node best = bestSequence(tokens, tags);
    return LemmatizerME.decodeLemmas(tokens, best.outcomes());
  }

  /**
   * A sequence in the beam: {@link Sequence}'s score and order without copying the outcomes at each step (a link to
   * the sequence it extends instead). As {@link Sequence#Sequence(Sequence, String, double)}: score = the parent's
   * score + {@link StrictMath#log} of the probability; as {@link Sequence#compareTo}: higher scores first.
   */
  private static final class Node implements Comparable<Node> {
    final Node parent;
    final String outcome;
    final double score;
    final int size;

    Node() {
      parent = null;
      outcome = null;
      score = 0;
      size = 0;
    }

    Node(Node parent, String outcome, double probability) {
      this.parent = parent;
      this.outcome = outcome;
      score = parent.score + StrictMath.log(probability);
      size = parent.size + 1;
    }

    String[] outcomes() {
      String[] out = new String[size];
      Node n = this;
      for (int i = size - 1; i >= 0; i--) {
        out[i] = n.outcome;
        n = n.parent;
      }
      return out;
    }

    @Override
    public int compareTo(Node other) {
      return Double.compare(other.score, score);
    }
  }

  /**
   * BeamSearch.bestSequences(1, tokens, {tags}, zeroLog, contexts, validator)[0], its loop step for step (the
   * validator, DefaultLemmatizerSequenceValidator, accepts every class: not called).
   */
  private Node bestSequence(String[] tokens, String[] tags) {
    Queue<Node> prev = new PriorityQueue<>(beamSize);
    Queue<Node> next = new PriorityQueue<>(beamSize);
    prev.add(new Node());
    for (int i = 0; i < tokens.length; i++) {
      int sz = Math.min(beamSize, prev.size());
      for (int sc = 0; prev.size() > 0 && sc < sz; sc++) {
        Node top = prev.remove();
        Step step = step(i, tokens, tags, top);
        for (int c = 0; c < step.classes().length; c++) {
          extend(next, top, step.classes()[c], step.probabilities()[c]);
        }
        if (next.size() == 0) { // if no advanced sequences, advance all (as BeamSearch)
          double[] scores = model.eval(contexts.getContext(i, tokens, tags, top.outcomes()), probs);
          for (int p = 0; p < scores.length; p++) {
            extend(next, top, p, scores[p]);
          }
        }
      }
      prev.clear();
      Queue<Node> tmp = prev;
      prev = next;
      next = tmp;
    }
    return prev.isEmpty() ? null : prev.remove();
  }

  private void extend(Queue<Node> next, Node top, int p, double probability) {
    Node ns = new Node(top, model.getOutcome(p), probability);
    if (ns.score > MIN_SEQUENCE_SCORE) {
      next.add(ns);
    }
  }

  private Step step(int i, String[] tokens, String[] tags, Node top) {
    Key key = new Key(tokens[i], tags[i], i < 1 ? null : top.outcome);
    Step step = steps.get(key);
    if (step == null) {
      double[] scores = model.eval(contexts.getContext(i, tokens, tags, top.outcomes()), probs);
      double min = largest(scores, beamSize);
      int n = 0;
      for (double s : scores) {
        n += s >= min ? 1 : 0;
      }
      int[] classes = new int[n];
      double[] probabilities = new double[n];
      n = 0;
      for (int p = 0; p < scores.length; p++) {
        if (scores[p] >= min) {
          classes[n] = p;
          probabilities[n++] = scores[p];
        }
      }
      step = new Step(classes, probabilities);
      steps.put(key, step);
    }
    return step;
  }

  /**
   * What BeamSearch takes as the threshold: the {@code k}-th largest of {@code scores} in {@link Double#compare}
   * order, which is {@code sorted[max(0, length - k)]} of a copy sorted by {@link java.util.Arrays#sort(double[])},
   * found without sorting.
   */
  static double largest(double[] scores, int k) {
    int n = Math.min(k, scores.length);
    double[] top = new double[n]; // the n largest so far, descending
    int filled = 0;
    for (double s : scores) {
      if (filled == n && Double.compare(s, top[n - 1]) <= 0) {
        continue;
      }
      // Insert s in place: into a free slot while filling, else over the smallest kept.
      int j = filled < n ? filled++ : n - 1;
      while (j > 0 && Double.compare(top[j - 1], s) < 0) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = s;
    }
    return top[n - 1];
  }
}
