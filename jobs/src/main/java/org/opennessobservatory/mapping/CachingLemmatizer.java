package org.opennessobservatory.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import opennlp.tools.lemmatizer.DefaultLemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerContextGenerator;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

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
 * search loop of {@code BeamSearch.bestSequences} (OpenNLP 2.5) with them: the same {@link Sequence} objects built
 * in the same order into the same priority queues, so ties break the same way. Only where the remembered classes all
 * fail (the validator refuses them or the score falls below the floor; the search then tries every class) is the
 * model evaluated again, as BeamSearch does. The lemmas are decoded by LemmatizerME's own
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
  private final SequenceValidator<String> validator;
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
    validator = lemmatizer.getFactory().getSequenceValidator();
    probs = new double[model.getNumOutcomes()];
  }

  /** Whether {@link #of} can stand in for LemmatizerME with this model (a maxent model, the default contexts). */
  static boolean supports(LemmatizerModel lemmatizer) {
    return lemmatizer.getArtifact(MODEL_ENTRY) instanceof MaxentModel
        && lemmatizer.getFactory().getContextGenerator().getClass() == DefaultLemmatizerContextGenerator.class;
  }

  static CachingLemmatizer of(LemmatizerModel lemmatizer) {
    if (!supports(lemmatizer)) {
      throw new IllegalArgumentException("not a maxent lemmatizer with the default context generator");
    }
    return new CachingLemmatizer(lemmatizer);
  }

  /** The lemmas LemmatizerME gives these tokens with these tags. */
  String[] lemmatize(String[] tokens, String[] tags) {
    Sequence best = bestSequence(tokens, tags);
    return LemmatizerME.decodeLemmas(tokens, best.getOutcomes().toArray(new String[0]));
  }

  /** BeamSearch.bestSequences(1, tokens, {tags}, zeroLog, contexts, validator)[0], its loop step for step. */
  private Sequence bestSequence(String[] tokens, String[] tags) {
    Object[] additional = {tags};
    Queue<Sequence> prev = new PriorityQueue<>(beamSize);
    Queue<Sequence> next = new PriorityQueue<>(beamSize);
    prev.add(new Sequence());
    for (int i = 0; i < tokens.length; i++) {
      int sz = Math.min(beamSize, prev.size());
      for (int sc = 0; prev.size() > 0 && sc < sz; sc++) {
        Sequence top = prev.remove();
        String[] outcomes = top.getOutcomes().toArray(new String[0]);
        Step step = step(i, tokens, tags, outcomes, additional);
        for (int c = 0; c < step.classes().length; c++) {
          extend(next, top, i, tokens, outcomes, step.classes()[c], step.probabilities()[c]);
        }
        if (next.size() == 0) { // if no advanced sequences, advance all valid (as BeamSearch)
          double[] scores = model.eval(contexts.getContext(i, tokens, outcomes, additional), probs);
          for (int p = 0; p < scores.length; p++) {
            extend(next, top, i, tokens, outcomes, p, scores[p]);
          }
        }
      }
      prev.clear();
      Queue<Sequence> tmp = prev;
      prev = next;
      next = tmp;
    }
    return prev.isEmpty() ? null : prev.remove();
  }

  private void extend(Queue<Sequence> next, Sequence top, int i, String[] tokens, String[] outcomes, int p,
      double probability) {
    String out = model.getOutcome(p);
    if (validator.validSequence(i, tokens, outcomes, out)) {
      Sequence ns = new Sequence(top, out, probability);
      if (ns.getScore() > MIN_SEQUENCE_SCORE) {
        next.add(ns);
      }
    }
  }

  private Step step(int i, String[] tokens, String[] tags, String[] outcomes, Object[] additional) {
    Key key = new Key(tokens[i], tags[i], i < 1 ? null : outcomes[i - 1]);
    Step step = steps.get(key);
    if (step == null) {
      double[] scores = model.eval(contexts.getContext(i, tokens, outcomes, additional), probs);
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
      if (filled < n) {
        int j = filled++;
        while (j > 0 && Double.compare(top[j - 1], s) < 0) {
          top[j] = top[j - 1];
          j--;
        }
        top[j] = s;
      } else if (Double.compare(s, top[n - 1]) > 0) {
        int j = n - 1;
        while (j > 0 && Double.compare(top[j - 1], s) < 0) {
          top[j] = top[j - 1];
          j--;
        }
        top[j] = s;
      }
    }
    return top[n - 1];
  }
}
