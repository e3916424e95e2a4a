package org.opennessobservatory.indicators;

import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Running totals over turns (a session's, or a forum-year's): what {@link SessionIndicators} turns into indicators.
 * It keeps one entry per person, not per turn, so a forum-year folds its turns in memory bounded by its speakers.
 */
public final class Tally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The eight stakeholder groups of utterances.stakeholder_group, in column order. */
  public static final List<String> GROUPS = List.of("government", "civil_society", "private_sector",
      "technical_community", "academia", "intergovernmental", "other", "unknown");
  /** The seven groups someone can belong to: the taxonomy of HHI, entropy and presence shares. */
  public static final List<String> KNOWN_GROUPS = GROUPS.subList(0, 7);

  /** One person's words in the tally, with the attributes the person had in it. */
  static final class Person implements Serializable {
    private static final long serialVersionUID = 1L;
    long words;
    final String gender;
    final String unRegion;
    final Boolean newcomer;

    Person(String gender, String unRegion, Boolean newcomer) {
      this.gender = gender;
      this.unRegion = unRegion;
      this.newcomer = newcomer;
    }
  }

  long turns;
  long words;
  long unknownTurns;
  long attributedWords;
  final long[] groupWords = new long[GROUPS.size()];
  final long[] groupTurns = new long[GROUPS.size()];
  long chairWords;
  long audienceTurns;
  long audienceWords;
  long remoteTurns;
  long remoteWords;
  long floorQuestions;
  long dissentMarkers;
  /** Dissent markers by kind, indexed by {@link DissentKind#ordinal()}; they sum to dissentMarkers. */
  final long[] dissentByKind = new long[DissentKind.values().length];
  final Map<String, Person> persons = new HashMap<>();
  final Set<String> sessions = new HashSet<>();

  /** Adds a turn. @throws IllegalArgumentException for a group outside the taxonomy or negative counts */
  public Tally add(TurnFact t) {
    int g = GROUPS.indexOf(t.stakeholderGroup());
    if (g < 0) {
      throw new IllegalArgumentException("stakeholder group '" + t.stakeholderGroup() + "' is not one of " + GROUPS);
    }
    if (t.words() < 0 || t.questions() < 0 || t.dissentMarkers().values().stream().anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException("negative count in " + t);
    }
    turns++;
    words += t.words();
    groupWords[g] += t.words();
    groupTurns[g]++;
    if (t.sessionKey() != null) {
      sessions.add(t.sessionKey());
    }
    String role = t.role();
    if ("chair".equals(role) || "moderator".equals(role)) {
      chairWords += t.words();
    }
    // The public's floor: the audience in the room and remote participants. Their questions are floor questions;
    // a panelist's question to another panelist is not.
    if ("audience".equals(role)) {
      audienceTurns++;
      audienceWords += t.words();
      floorQuestions += t.questions();
    } else if ("remote".equals(role)) {
      remoteTurns++;
      remoteWords += t.words();
      floorQuestions += t.questions();
    }
    t.dissentMarkers().forEach((kind, n) -> {
      dissentByKind[kind.ordinal()] += n;
      dissentMarkers += n;
    });
    if (t.personId() == null) {
      unknownTurns++;
    } else {
      attributedWords += t.words();
      persons.computeIfAbsent(t.personId(), k -> new Person(t.gender(), t.unRegion(), t.newcomer())).words
          += t.words();
    }
    return this;
  }

  /** Sessions seen (distinct session keys of the turns added). */
  public long sessions() {
    return sessions.size();
  }
}
