package org.opennessobservatory.mapping;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * Several OpenNLP naive Bayes models of two outcomes, evaluated together: one look-up per feature for all of them
 * ({@link IssueClassifier} finds the rows by word and word pair).
 * Asking each {@code NaiveBayesModel} in turn looks every feature up once per model, which made stage issues 1.8 times
 * slower with twenty models; here a feature's contributions to every model sit in one row.
 *
 * <p>The arithmetic is {@code NaiveBayesModel.eval}'s (OpenNLP 2.5), replayed on the models' own parameters with
 * the same functions in the same order, and {@code IssueClassifierTest} finds both equal on every example and gold
 * utterance: per feature a model knows, for each outcome its loop reaches, the log of the Lidstone-smoothed
 * probability (count + 0.05) / (outcome total + 0.05 × vocabulary) is added; then the log of the outcome's prior; then
 * the two sums are normalised (exp of each less the larger, over their sum). Its loop stops at a feature's last
 * outcome, so a feature stored with the first outcome only would add nothing to the second; replayed as it is, though
 * models trained in memory store every feature with both outcomes, so no test reaches that branch.
 */
final class NaiveBayesTables implements Serializable {
  private static final long serialVersionUID = 1L;

  /** NaiveBayesModel's smoothing constant. */
  private static final double DELTA = 0.05;

  private final int size;
  /** Per model, the index of the outcome whose probability {@link #probabilities} gives; -1 for no model. */
  private final int[] wanted;
  /** Per feature, per model, per outcome (index order): the log it adds; 0 where it adds nothing. */
  private final HashMap<String, double[]> additions = new HashMap<>();
  /** Per model, per outcome: the log of its prior. */
  private final double[] priors;

  /**
   * @param models naive Bayes models of two outcomes, or nulls
   * @param outcome the outcome whose probability is wanted
   */
  NaiveBayesTables(DoccatModel[] models, String outcome) {
    size = models.length;
    wanted = new int[models.length];
    priors = new double[2 * models.length];
    for (int m = 0; m < models.length; m++) {
      wanted[m] = -1;
      if (models[m] != null) {
        add(m, (AbstractModel) models[m].getMaxentModel(), outcome);
      }
    }
  }

  private void add(int m, AbstractModel model, String outcome) {
    // A model's data structures: its parameters per predicate, the predicate map, the outcome names.
    Object[] data = model.getDataStructures();
    Context[] params = (Context[]) data[0];
    @SuppressWarnings("unchecked")
    Map<String, Context> predicates = (Map<String, Context>) data[1];
    String[] outcomes = (String[]) data[2];
    if (outcomes.length != 2 || model.getModelType() != AbstractModel.ModelType.NaiveBayes) {
      throw new IllegalArgumentException("a naive Bayes model of two outcomes expected, got " + model.getModelType()
          + " of " + Arrays.toString(outcomes));
    }
    wanted[m] = Arrays.asList(outcomes).indexOf(outcome);
    double[] totals = new double[2];
    for (Context c : params) {
      for (int j = 0; j < c.getOutcomes().length; j++) {
        totals[c.getOutcomes()[j]] += c.getParameters()[j];
      }
    }
    double vocabulary = params.length;
    predicates.forEach((feature, c) -> {
      double[] row = additions.computeIfAbsent(feature, f -> new double[2 * size]);
      int ai = 0;
      for (int i = 0; i < 2 && ai < c.getOutcomes().length; i++) {
        double count = c.getOutcomes()[ai] == i ? c.getParameters()[ai++] : 0;
        row[2 * m + i] = StrictMath.log((count + DELTA) / (totals[i] + DELTA * vocabulary));
      }
    });
    for (int i = 0; i < 2; i++) {
      priors[2 * m + i] = StrictMath.log(totals[i] / (totals[0] + totals[1]));
    }
  }

  /** Per model, per outcome (index order), the log one feature adds; null when no model knows the feature. */
  double[] row(String feature) {
    return additions.get(feature);
  }

  /** Sums for {@link #probabilities}: one per model and outcome, to which each feature's {@link #row} is added. */
  double[] emptySums() {
    return new double[2 * size];
  }

  /** Adds a feature's row (null: nothing) to {@code sums}; the features must come in the order they were generated. */
  static void add(double[] sums, double[] row) {
    if (row != null) {
      for (int k = 0; k < row.length; k++) {
        sums[k] += row[k];
      }
    }
  }

  /** Per model, the probability of the wanted outcome given the features summed in {@code sums}; NaN for no model. */
  double[] probabilities(double[] sums) {
    double[] out = new double[size];
    for (int m = 0; m < size; m++) {
      if (wanted[m] < 0) {
        out[m] = Double.NaN;
        continue;
      }
      double a = sums[2 * m] + priors[2 * m];
      double b = sums[2 * m + 1] + priors[2 * m + 1];
      double highest = Math.max(a, b);
      double ea = StrictMath.exp(a - highest);
      double eb = StrictMath.exp(b - highest);
      out[m] = (wanted[m] == 0 ? ea : eb) / (ea + eb);
    }
    return out;
  }
}
