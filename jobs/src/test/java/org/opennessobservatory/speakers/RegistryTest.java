package org.opennessobservatory.speakers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

class RegistryTest {
  private static final String HEADER = "name,aliases,organisation,stakeholder_group,gender,country,region,valid_from,"
      + "valid_to,source\n";

  private static Registry read(String rows) {
    return Registry.of(CsvTable.read(new StringReader(HEADER + rows), "people.csv", Registry.COLUMNS),
        UnRegions.shipped());
  }

  @Test
  void rowsOfOnePersonSplitTheYearsAndAliasesFindThePerson() {
    Registry r = read("""
        Tomás Herrera,T. Herrera|Tomas Herrera,LACNet Registry,technical_community,man,CL,,,2023-12-31,cast
        Tomás Herrera,,Universidad de Santiago,academia,man,CL,,2024-01-01,,cast
        Alex Novak,,Prague Youth Digital Forum,civil_society,,CZ,,,,cast
        Lin Mei,,Taipei Digital Forum,civil_society,,TW,,,,cast
        Rosa Lindqvist,,Ministry of Digital Affairs,government,woman,SE,,2024-03-01,,cast
        """);
    String person = r.personOf(NameKey.of("TOMAS HERRERA")).orElseThrow();
    assertEquals(person, r.personOf(NameKey.of("T. Herrera")).orElseThrow());
    assertEquals(StakeholderGroup.TECHNICAL_COMMUNITY, r.at(person, 2023).group());
    assertEquals(StakeholderGroup.ACADEMIA, r.at(person, 2024).group());
    assertEquals(StakeholderGroup.TECHNICAL_COMMUNITY, r.holding(person, 2019).orElseThrow().group(),
        "a row without valid_from holds in every year up to its valid_to");
    assertEquals(StakeholderGroup.ACADEMIA, r.holding(person, 2025).orElseThrow().group(), "open-ended");
    assertTrue(r.holding(person, null).isEmpty(), "dated rows hold in no unknown year");
    // Before any row holds, the nearest row in time gives what the person declares of themself; no row gives a
    // group (that would be another year's).
    String rosa = r.personOf(NameKey.of("Rosa Lindqvist")).orElseThrow();
    assertTrue(r.holding(rosa, 2023).isEmpty());
    assertEquals("woman", r.at(rosa, 2023).gender().id());
    String alexPerson = r.personOf(NameKey.of("Alex Novak")).orElseThrow();
    assertEquals(StakeholderGroup.CIVIL_SOCIETY, r.holding(alexPerson, null).orElseThrow().group(),
        "a row without dates holds in every year");
    assertEquals("grulac", r.at(person, 2024).region());
    String alex = r.personOf(NameKey.of("Alex Novak")).orElseThrow();
    assertEquals(null, r.at(alex, 2023).gender());
    assertEquals("eastern_europe", r.at(alex, 2023).region());
    // An ISO code in no UN regional group: read, its region unknown unless the row gives one.
    assertEquals(null, r.at(r.personOf(NameKey.of("Lin Mei")).orElseThrow(), 2023).region());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "A B,,Org,activists,,,,,,s|people.csv line 2: stakeholder_group 'activists' is not one of",
      "A B,,Org,academia,female,,,,,s|people.csv line 2: gender 'female' is not one of woman | man | non_binary",
      "A B,,Org,academia,,Kenya,,,,s|people.csv line 2: country 'Kenya' is not an ISO 3166-1 alpha-2 code",
      "A B,,Org,academia,,UK,,,,s|people.csv line 2: country 'UK' is not an ISO 3166-1 alpha-2 code (e.g. KE; the "
          + "United Kingdom is GB)",
      "A B,,Org,academia,,,europe,,,s|people.csv line 2: region 'europe' is not one of",
      "A B,,Org,academia,,,,2024-13-01,,s|people.csv line 2: valid_from '2024-13-01' is not a date as YYYY-MM-DD",
      "A B,,Org,academia,,,,2024-01-01,2023-01-01,s|people.csv line 2: valid_to 2023-01-01 is before valid_from",
      ",,Org,academia,,,,,,s|people.csv line 2: the name cell is empty",
      "A B,,Org,academia,,,,,|people.csv line 2: 9 cells where the header has 10",
  })
  void faultsNameFileLineAndColumn(String row, String message) {
    UserException e = assertThrows(UserException.class, () -> read(row + "\n"));
    assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())));
  }

  @Test
  void anAliasOfTwoPersonsAndOverlappingPeriodsAreFaults() {
    assertEquals("people.csv line 3: name or alias 'A. Bell' already belongs to another person (line 2)",
        assertThrows(UserException.class, () -> read("Anna Bell,A. Bell,,,,,,,,s\nArthur Bell,A. Bell,,,,,,,,s\n"))
            .getMessage());
    assertEquals("people.csv: the rows of 'Anna Bell' overlap in time; give each row valid_from/valid_to so that "
        + "one row holds at a time", assertThrows(UserException.class, () ->
        read("Anna Bell,,X,,,,,,2024-06-30,s\nAnna Bell,,Y,,,,,2024-01-01,,s\n")).getMessage());
  }
}
