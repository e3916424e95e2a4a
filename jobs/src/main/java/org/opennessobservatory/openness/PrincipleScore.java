package org.opennessobservatory.openness;

/**
 * One principle scored for one forum-year.
 *
 * @param score the weighted mean of its assessed criteria's scores, in [0, 1]; null when none was assessed
 * @param coverage the share of the principle's criterion weight that was assessed, in [0, 1]
 */
public record PrincipleScore(Principle principle, Double score, double coverage) {}
