package org.opennessobservatory.ingest.netmundial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectorMappingTest {

  @ParameterizedTest
  @CsvSource({
      "Civil Society, civil_society",
      "Government, government",
      "Private Sector, private_sector",
      "Technical community, technical_community",
      "Academia, academia",
      "Other, other",
      "'  private   SECTOR ', private_sector",
      "Technical-Community, technical_community",
      "Intergovernmental, unknown",
      "Civil, unknown",
      "'', unknown"})
  void mapsSectorsToGroups(String raw, String group) {
    assertEquals(group, SectorMapping.groupOf(raw));
  }

  @Test
  void nullIsUnknown() {
    assertEquals(SectorMapping.UNKNOWN, SectorMapping.groupOf(null));
  }
}
