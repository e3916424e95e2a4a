package org.opennessobservatory.openness;

import java.util.List;
import java.util.Map;

/**
 * A forum-year scored against a rubric: the rows of {@code openness_criteria} and one row of {@code openness_index}.
 *
 * @param criteria every criterion of the rubric, in its order, assessed or not
 * @param principles every principle the rubric weighs, in {@link Principle} order
 * @param overall 0–100; null when no principle was assessed
 * @param coverage the share of the rubric's total weight that was assessed, in [0, 1]
 */
public record Scorecard(List<CriterionScore> criteria, Map<Principle, PrincipleScore> principles, Double overall,
    double coverage) {}
