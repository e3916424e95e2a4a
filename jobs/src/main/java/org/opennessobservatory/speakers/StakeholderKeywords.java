package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opennessobservatory.io.CsvTable;

/**
 * The stakeholder group an organisation's name suggests ("Ministry of …" → government, "… University" → academia),
 * from reference/stakeholder-keywords.csv. Keywords match whole words, accents and case folded; the longest
 * matching keyword wins ("Internet Society" over "society"), and between equally long ones the row listed first.
 */
public final class StakeholderKeywords implements Serializable {
  static final String RESOURCE = "/reference/stakeholder-keywords.csv";

  private record Keyword(String folded, StakeholderGroup group) implements Serializable {}

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
      keywords.add(new Keyword(NameKey.of(keyword).key(), group));
    }
    return new StakeholderKeywords(List.copyOf(keywords));
  }

  /** The group the organisation's name points to, if any keyword matches. */
  public Optional<StakeholderGroup> groupOf(String organisation) {
    if (organisation == null) {
      return Optional.empty();
    }
    String padded = " " + NameKey.of(organisation).key() + " ";
    Keyword best = null;
    for (Keyword k : keywords) {
      if ((best == null || k.folded().length() > best.folded().length())
          && padded.contains(" " + k.folded() + " ")) {
        best = k;
      }
    }
    return Optional.ofNullable(best).map(Keyword::group);
  }
}
