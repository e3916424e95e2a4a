package org.opennessobservatory.indicators;

import java.io.Serializable;
import java.util.Map;

/**
 * What the indicators need of one turn: its utterance columns, the attributes of its person (from speakers) and its
 * dissent markers. Plain values, so that {@link Tally} and {@link SessionIndicators} can be tested without Spark.
 *
 * @param personId null when nothing named the speaker (an unknown turn)
 * @param stakeholderGroup the turn's group (utterances.stakeholder_group), {@code unknown} when no source tells
 * @param gender the person's gender (woman | man | non_binary), null when unknown or no person
 * @param unRegion the person's UN regional group, null when unknown or no person
 * @param newcomer whether this forum-year is the person's first appearance in the corpus; null when unknown, and in
 *     the forum's first year in the corpus
 * @param dissentMarkers the turn's dissent markers by kind, as {@link DissentLexicon#count} gives them; a kind
 *     missing from the map has none
 */
public record TurnFact(String sessionKey, String personId, String stakeholderGroup, String role, long words,
    long questions, String gender, String unRegion, Boolean newcomer, Map<DissentKind, Long> dissentMarkers)
    implements Serializable {

  /**
   * A person is a newcomer in a forum-year when speakers.first_seen_forum and first_seen_year are that forum-year.
   * first_seen_* is the person's earliest turn (earliest year, then forum name), so someone who first spoke at two
   * forums in one year is a newcomer only at the one whose name sorts first. Unknown (null) without a person or
   * without a year on either side: an unknown is not a "no". Unknown too in the forum's first year in the corpus
   * ({@code forumFirstYear}, the least year of its turns): its regulars from before the corpus begins would all count
   * as new (only speakers seen earlier at another forum of the corpus would not), so the share would tell where the
   * corpus starts rather than who takes the floor. Every speaker's answer is dropped there, also the "no"s.
   */
  public static Boolean newcomer(String personId, String forum, Integer year, String firstSeenForum,
      Integer firstSeenYear, Integer forumFirstYear) {
    if (personId == null || year == null || firstSeenYear == null || firstSeenForum == null
        || year.equals(forumFirstYear)) {
      return null;
    }
    return forum.equals(firstSeenForum) && year.equals(firstSeenYear);
  }
}
