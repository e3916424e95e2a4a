package org.opennessobservatory.openness;

import java.io.Serializable;
import java.util.List;

/**
 * One measurable criterion of a principle: the indicators it reads, the rule that scores each of them, how their
 * scores are combined, and its weight within the principle. The NETmundial principles and the IAP2 level say which
 * normative frame the criterion gives evidence for, so that results can be read against either.
 */
public record Criterion(
    String id,
    Principle principle,
    String label,
    String rationale,
    List<String> indicators,
    Combine combine,
    Rule rule,
    double weight,
    List<NetmundialPrinciple> netmundialPrinciples,
    Iap2Level iap2Level) implements Serializable {
  public Criterion {
    indicators = List.copyOf(indicators);
    netmundialPrinciples = List.copyOf(netmundialPrinciples);
  }
}
