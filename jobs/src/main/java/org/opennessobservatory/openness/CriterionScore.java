package org.opennessobservatory.openness;

import java.util.Map;

/**
 * One criterion scored for one forum-year.
 *
 * @param values each indicator the criterion reads, in the rubric's order, with its value as given or null where
 *     there was no evidence: the value(s) column of {@code openness_criteria}
 * @param score in [0, 1], or null when the criterion was not assessed (no indicator had evidence)
 */
public record CriterionScore(Criterion criterion, Map<String, Object> values, Double score) {}
