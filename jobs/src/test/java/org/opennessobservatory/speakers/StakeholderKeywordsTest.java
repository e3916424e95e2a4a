package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped keywords: the kind of body the name's head noun says decides, not the longest word of its field. */
class StakeholderKeywordsTest {
  private static final StakeholderKeywords SHIPPED = StakeholderKeywords.shipped();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // the longest keyword, "telecommunications" or "communications", names the field, not the body
      "Department of Telecommunications|government",
      "Ministry of Posts and Telecommunications|government",
      "National Telecommunications Agency|government",
      "Association for Progressive Communications|civil_society",
      "Ministry of Justice and Human Rights|government",
      "Ministerio de Tecnologías de la Información y las Comunicaciones|government",
      // a longer keyword over the head noun still wins
      "United Nations University|intergovernmental",
      "Department of Economic and Social Affairs|intergovernmental",
      "Council of Europe|intergovernmental",
      "Centre for Internet and Society|academia",
      // a unit of a body: the last part with a keyword over its head noun
      "Department of Informatics, University of Oslo|academia",
      "Department of Computer Science at the University of Nairobi|academia",
      "Ministry of Justice, Kenya|government",
      "Department for Digital, Culture, Media and Sport|government",
      // no keyword over the head noun: the longest anywhere
      "Internet Society Kenya Chapter|technical_community",
      "Youth IGF|civil_society", // "youth igf" over the head noun, not "igf" (an IGF's organisers: other)
      "UK IGF|other",
      "Open Rights Forum UK|civil_society",
      "Kenya ICT Action Network|none",
  })
  void theHeadNounDecides(String organisation, String group) {
    assertEquals(group, SHIPPED.groupOf(organisation).map(StakeholderGroup::id).orElse("none"), organisation);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"Ministry of Justice|0", "National Telecommunications Agency|2",
      "Of Counsel LLP|-1", "Fundación para la Libertad|0"})
  void headNoun(String name, int head) {
    assertEquals(head, StakeholderKeywords.head(List.of(NameKey.of(name).key().split(" "))), name);
  }
}
