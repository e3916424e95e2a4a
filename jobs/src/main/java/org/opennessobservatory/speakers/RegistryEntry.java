package org.opennessobservatory.speakers;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code registry/people.csv}: what is known of a person over a period (an organisation and stakeholder
 * group can change; a person then has several rows under the same name).
 *
 * @param validFrom first day the row holds, or null (always)
 * @param validTo last day the row holds, or null (still)
 * @param gender self-declared, or null when not declared
 * @param region UN regional group id, from the row or derived from the country
 */
public record RegistryEntry(String name, List<String> aliases, String organisation, StakeholderGroup group,
    Gender gender, String country, String region, LocalDate validFrom, LocalDate validTo, String source)
    implements Serializable {

  /** Whether the row holds in a forum-year: its validity overlaps that calendar year. */
  public boolean holdsIn(int year) {
    return (validFrom == null || validFrom.getYear() <= year) && (validTo == null || validTo.getYear() >= year);
  }
}
