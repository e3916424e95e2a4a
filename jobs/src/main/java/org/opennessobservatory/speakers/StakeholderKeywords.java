package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opennessobservatory.io.CsvTable;

/**
 * The stakeholder group an organisation's name suggests ("Ministry of …" → government, "… University" → academia),
 * from reference/stakeholder-keywords.csv. Keywords match whole words, accents and case folded. The name's head noun
 * says what kind of body it is: the word before its first preposition ("Department of Telecommunications",
 * "Association for Progressive Communications", "Ministerio de …"), else its last word ("National
 * Telecommunications Agency"). The longest keyword over the head noun wins ("United Nations University" over
 * "university"), that of the last part with one where the name has several (split at commas, "at", "in": the
 * department's university decides); where no keyword covers a head noun, the longest anywhere ("Open Rights Forum
 * UK"); between equally long ones the row listed first.
 */
public final class StakeholderKeywords implements Serializable {
  static final String RESOURCE = "/reference/stakeholder-keywords.csv";

  private record Keyword(String folded, List<String> words, StakeholderGroup group) implements Serializable {}

  /** Prepositions that follow the kind of body in a name, as folded by {@link NameKey} ("für" → "fur"). */
  private static final Set<String> PREPOSITIONS = Set.of("of", "for", "on", "de", "des", "du", "del", "da", "do",
      "fur", "pour", "para");

  private final List<Keyword> keywords;

  private StakeholderKeywords(List<Keyword> keywords) {
    this.keywords = keywords;
  }

  public static StakeholderKeywords shipped() {
    return of(CsvTable.resource(RESOURCE, List.of("keyword", "stakeholder_group")));
  }

  static StakeholderKeywords of(CsvTable table) {
    List<Keyword> keywords = new ArrayList<>();
    for (CsvTable.Line line : table.lines()) {
      String keyword = line.get("keyword");
      StakeholderGroup group = StakeholderGroup.parse(String.valueOf(line.get("stakeholder_group")))
          .orElseThrow(() -> new IllegalStateException(table.where(line) + "unknown stakeholder group"));
      if (keyword == null || NameKey.of(keyword).isEmpty()) {
        throw new IllegalStateException(table.where(line) + "empty keyword");
      }
      NameKey key = NameKey.of(keyword);
      keywords.add(new Keyword(key.key(), key.words(), group));
    }
    return new StakeholderKeywords(List.copyOf(keywords));
  }

  /** The group the organisation's name points to, if any keyword matches. */
  public Optional<StakeholderGroup> groupOf(String organisation) {
    if (organisation == null) {
      return Optional.empty();
    }
    List<List<String>> parts = parts(organisation);
    Keyword best = null;
    Keyword overHead = null;
    for (List<String> words : parts) { // the parent body last: "Department of Informatics, University of Oslo"
      int head = head(words);
      Keyword partHead = null;
      for (Keyword k : keywords) {
        int n = k.words().size();
        for (int at = 0; at + n <= words.size(); at++) {
          if (words.subList(at, at + n).equals(k.words())) {
            best = longer(best, k);
            partHead = at <= head && head < at + n ? longer(partHead, k) : partHead;
          }
        }
      }
      overHead = partHead != null ? partHead : overHead;
    }
    return Optional.ofNullable(overHead != null ? overHead : best).map(Keyword::group);
  }

  /**
   * The name's parts, each a body of its own: split at commas and at "at" or "in" ("Department of Computer Science at
   * the University of Nairobi", "Ministry of ICT in Kenya"), as folded words.
   */
  private static List<List<String>> parts(String organisation) {
    List<List<String>> parts = new ArrayList<>();
    for (String piece : organisation.split(",")) {
      List<String> part = new ArrayList<>();
      for (String w : NameKey.of(piece).words()) {
        if (w.equals("at") || w.equals("in")) {
          parts.add(part);
          part = new ArrayList<>();
        } else {
          part.add(w);
        }
      }
      parts.add(part);
    }
    parts.removeIf(List::isEmpty);
    return parts;
  }

  /** The head noun's index: the word before the first preposition, else the last word; -1 when a name opens with one. */
  static int head(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      if (PREPOSITIONS.contains(words.get(i))) {
        return i - 1;
      }
    }
    return words.size() - 1;
  }

  /** The longer keyword; the one listed first ({@code held}) when they are as long. */
  private static Keyword longer(Keyword held, Keyword k) {
    return held == null || k.folded().length() > held.folded().length() ? k : held;
  }
}
