package org.opennessobservatory.indicators;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.io.CsvTable;

/** The attendance and process-events readers: presence shares, and one-line faults naming file and line. */
class RegistryTablesTest {
  private static final String A_HEADER = "forum,year,population,dimension,category,value,unit,source,note\n";
  private static final String P_HEADER = "forum,year,event_start,event_end,modalities_announced,agenda_published,"
      + "call_for_inputs_opened,outputs_published,source,note\n";

  static Attendance attendance(String csv) {
    return Attendance.of(CsvTable.read(new StringReader(A_HEADER + csv), "attendance.csv", Attendance.COLUMNS));
  }

  static ProcessEvents events(String csv) {
    return ProcessEvents.of(CsvTable.read(new StringReader(P_HEADER + csv), "process-events.csv",
        ProcessEvents.COLUMNS));
  }

  static void fault(String expected, Runnable read) {
    UserException e = Assertions.assertThrows(UserException.class, read::run);
    Assertions.assertEquals(expected, e.getMessage());
    Assertions.assertTrue(!e.getMessage().contains("\n"), "one line");
  }

  @Test
  void countsBecomeSharesAndRoundedSharesSumToOne() {
    Attendance a = attendance("""
        ukigf,2023,participants,stakeholder_group,government,30,count,,
        ukigf,2023,participants,stakeholder_group,civil_society,70,count,,
        ukigf,2023,onsite,stakeholder_group,government,1,count,,
        eurodig,2024,registrants,gender,woman,0.49,share,,
        eurodig,2024,registrants,gender,man,0.50,share,,
        """);
    Attendance.Presence groups = a.presence("ukigf", 2023, "stakeholder_group").orElseThrow();
    Assertions.assertEquals("participants", groups.population(), "participants before onsite");
    Assertions.assertTrue(Math.abs(groups.shares().get("government") - 0.3) < 1e-12);
    // 0.49 / (0.49 + 0.50) = 0.494949…: published shares that sum to 0.99 are scaled back to 1
    Assertions.assertTrue(Math.abs(a.presence("eurodig", 2024, "gender").orElseThrow().shares().get("woman")
        - 0.49 / 0.99) < 1e-12);
    Assertions.assertTrue(a.presence("eurodig", 2024, "stakeholder_group").isEmpty());
  }

  /** A forum written as a name ("UK IGF") is the slug documents carry, not a forum no document has. */
  @Test
  void forumsAreSlugsAsInDocuments() {
    Attendance a = attendance("UK IGF,2023,participants,gender,woman,1,count,,\n");
    Assertions.assertEquals(1.0, a.presence("uk-igf", 2023, "gender").orElseThrow().shares().get("woman"));
    Assertions.assertEquals("uk-igf", events("UK IGF,2023,2023-10-08,2023-10-12,,,,,,\n").events().get(0).forum());
  }

  @Test
  void theSampleCorpusTablesRead() {
    java.nio.file.Path registry = java.nio.file.Path.of("..", "data-samples", "corpus", "registry");
    Attendance a = Attendance.of(CsvTable.hadoop(registry.resolve("attendance.csv").toAbsolutePath().toString(),
        new org.apache.hadoop.conf.Configuration(), Attendance.COLUMNS));
    ProcessEvents p = ProcessEvents.of(CsvTable.hadoop(
        registry.resolve("process-events.csv").toAbsolutePath().toString(),
        new org.apache.hadoop.conf.Configuration(), ProcessEvents.COLUMNS));
    Assertions.assertEquals(140, a.figures().size());
    Assertions.assertEquals(9, p.events().size());
    Assertions.assertTrue(a.presence("ukigf", 2023, "gender").isEmpty(), "ukigf 2023 asked no gender");
  }

  @Test
  void attendanceFaults() {
    fault("attendance.csv line 2: year 'twenty' is not a year such as 2023",
        () -> attendance("igf,twenty,registrants,total,all,1,count,,\n"));
    fault("attendance.csv line 2: unit 'percent' is not one of count | share",
        () -> attendance("igf,2023,registrants,gender,woman,40,percent,,\n"));
    fault("attendance.csv line 2: value 1.2 is out of range for unit share (a share is in [0, 1])",
        () -> attendance("igf,2023,registrants,gender,woman,1.2,share,,\n"));
    fault("attendance.csv line 2: value 'many' is not a number",
        () -> attendance("igf,2023,registrants,total,all,many,count,,\n"));
    fault("attendance.csv line 2: the category cell is empty",
        () -> attendance("igf,2023,registrants,gender,,0.4,share,,\n"));
    fault("attendance.csv line 3: a second figure for igf 2023 registrants gender woman (first on line 2)",
        () -> attendance("igf,2023,registrants,gender,woman,0.4,share,,\nIGF,2023,registrants,gender,woman,0.5,"
            + "share,,\n"));
    fault("attendance.csv line 3: unit count where earlier rows of igf 2023 registrants gender give share",
        () -> attendance("igf,2023,registrants,gender,woman,0.4,share,,\nigf,2023,registrants,gender,man,"
            + "500,count,,\n"));
    fault("attendance.csv line 2: 3 cells where the header has 9", () -> attendance("igf,2023,x\n"));
  }

  /**
   * The presence shares are looked up by id: a category spelt otherwise, or a breakdown holding none of the ids
   * read, would leave them null without a word.
   */
  @Test
  void categoriesTheIndicatorsCannotReadAreFaults() {
    fault("attendance.csv line 2: category 'Civil society' is not an id: write it in lower case with underscores "
        + "(government | civil_society | private_sector | technical_community | academia | intergovernmental | "
        + "other)", () -> attendance("igf,2023,registrants,stakeholder_group,Civil society,0.4,share,,\n"));
    fault("attendance.csv line 2: dimension 'Gender' is not an id: write it in lower case with underscores (e.g. "
        + "total, stakeholder_group, gender, region)",
        () -> attendance("igf,2023,registrants,Gender,woman,0.4,share,,\n"));
    fault("attendance.csv line 2: population 'Registrants' is not an id: write it in lower case with underscores "
        + "(e.g. registrants, participants, onsite)",
        () -> attendance("igf,2023,Registrants,gender,woman,0.4,share,,\n"));
    fault("attendance.csv line 3: the gender figures of igf 2023 registrants have categories [female, male], none "
        + "of which the indicators read; write woman | man | other",
        () -> attendance("igf,2022,registrants,gender,woman,0.4,share,,\nigf,2023,registrants,gender,female,0.4,"
            + "share,,\nigf,2023,registrants,gender,male,0.6,share,,\n"));
    fault("attendance.csv line 2: the stakeholder_group figures of eurodig 2024 participants have categories "
        + "[business, ngo], none of which the indicators read; write government | civil_society | private_sector | "
        + "technical_community | academia | intergovernmental | other",
        () -> attendance("eurodig,2024,participants,stakeholder_group,business,10,count,,\n"
            + "eurodig,2024,participants,stakeholder_group,ngo,30,count,,\n"));
  }

  /**
   * Published tables merge groups (technical_academic: both covered, neither with a share) or add some (media,
   * counted as other, as the taxonomy counts journalists who speak); those who declared nothing (unknown) are left
   * out of the denominator. An age band is an id too.
   */
  @Test
  void publishedCategoriesBeyondTheSevenGroupsAreFoldedIntoThem() {
    Attendance a = attendance("""
        igf,2009,participants,stakeholder_group,government,20,count,,
        igf,2009,participants,stakeholder_group,technical_academic,30,count,,
        igf,2009,participants,stakeholder_group,media,30,count,,
        igf,2009,participants,stakeholder_group,other,10,count,,
        igf,2009,participants,stakeholder_group,unknown,10,count,,
        igf,2009,participants,age,18_24,0.2,share,,
        igf,2010,registrants,gender,woman,0.36,share,,
        igf,2010,registrants,gender,man,0.54,share,,
        igf,2010,registrants,gender,unknown,0.10,share,,
        """);
    Attendance.Presence groups = a.presence("igf", 2009, "stakeholder_group").orElseThrow();
    // 90 declared of 100
    Assertions.assertEquals(20 / 90.0, groups.shares().get("government"), 1e-12);
    Assertions.assertEquals(40 / 90.0, groups.shares().get("other"), 1e-12, "media 30 + other 10");
    Assertions.assertNull(groups.shares().get("academia"));
    Assertions.assertNull(groups.shares().get("unknown"));
    Assertions.assertEquals(Set.of("government", "technical_community", "academia", "other"), groups.covered(),
        "civil_society, private_sector and intergovernmental are not published: not covered");
    Assertions.assertEquals(0.36 / 0.90, a.presence("igf", 2010, "gender").orElseThrow().shares().get("woman"),
        1e-12, "of those whose gender is declared");
  }

  /**
   * Part of a breakdown is not spread over the whole: shares that sum to well under 1 stay as published, counts are
   * divided by the population's total when there is one.
   */
  @Test
  void aPartialBreakdownKeepsItsShares() {
    Attendance a = attendance("""
        igf,2023,participants,gender,woman,0.38,share,,
        igf,2019,registrants,stakeholder_group,civil_society,0.435,share,,
        igf,2019,registrants,stakeholder_group,government,0.185,share,,
        igf,2019,registrants,stakeholder_group,private_sector,0.172,share,,
        igf,2024,onsite,total,all,1000,count,,
        igf,2024,onsite,gender,woman,300,count,,
        igf,2024,onsite,gender,man,500,count,,
        """);
    Assertions.assertEquals(0.38, a.presence("igf", 2023, "gender").orElseThrow().shares().get("woman"), 1e-12);
    Attendance.Presence partial = a.presence("igf", 2019, "stakeholder_group").orElseThrow();
    Assertions.assertEquals(0.435, partial.shares().get("civil_society"), 1e-12);
    Assertions.assertEquals(Set.copyOf(Tally.KNOWN_GROUPS), partial.covered(),
        "the rest of a partial breakdown is unknown: no group is known to be left out");
    // 300 of the 1000 counted onsite, not 300 of the 800 whose gender is published
    Assertions.assertEquals(0.3, a.presence("igf", 2024, "gender").orElseThrow().shares().get("woman"), 1e-12);
    // rounded shares of a whole breakdown: within 0.05 of 1, divided by their sum; beyond, as published
    Assertions.assertEquals(0.99, Attendance.denominator(0.99, "share", null));
    Assertions.assertEquals(1.0, Attendance.denominator(0.94, "share", null));
    Assertions.assertEquals(800.0, Attendance.denominator(800, "count", null));
    Assertions.assertEquals(800.0, Attendance.denominator(800, "count", 700.0), "a total below the sum is no total");
  }

  /** The published IGF statistics (../shared/data/igf-participation) read as an attendance table as they are. */
  @Test
  void thePublishedParticipationStatisticsRead() {
    java.nio.file.Path published = java.nio.file.Path.of("..", "..", "shared", "data", "igf-participation",
        "participation.csv").toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(published),
        "the published participation statistics are not at " + published + " (outside the repository)");
    Attendance a = Attendance.of(CsvTable.hadoop(published.toString(), new org.apache.hadoop.conf.Configuration(),
        Attendance.COLUMNS));
    // IGF 2008: 25% civil society and 23% governments of the participants; IGF 2018: 43% women, the only gender
    // figure published (a share of 1 if spread over the categories published)
    Attendance.Presence igf2008 = a.presence("igf", 2008, "stakeholder_group").orElseThrow();
    Assertions.assertEquals(0.25, igf2008.shares().get("civil_society"), 1e-9);
    // its media, 14%, are other (no other category published); technical_academic (10%) covers two groups
    Assertions.assertEquals(0.14, igf2008.shares().get("other"), 1e-9);
    Assertions.assertEquals(Set.copyOf(Tally.KNOWN_GROUPS), igf2008.covered());
    Assertions.assertEquals(0.43, a.presence("igf", 2018, "gender").orElseThrow().shares().get("woman"), 1e-12);
  }

  /** A registry forum that is a document's forum but for its hyphens is misspelt; one the corpus lacks is not. */
  @Test
  void aRegistryForumSpeltUnlikeTheDocumentsIsAFault() {
    // "UK IGF" first named on line 3, slugged as the table is read
    Attendance table = attendance("IGF,2019,registrants,total,all,3000,count,,\n"
        + "UK IGF,2022,registrants,total,all,300,count,,\n" + "UK IGF,2023,registrants,total,all,320,count,,\n");
    fault("registry/attendance.csv line 3: forum 'uk-igf' (as slugged) is the documents' forum 'ukigf' spelt "
        + "otherwise, so its rows would match no document; write ukigf as the documents do",
        () -> RegistryForums.check("registry/attendance.csv", table.forumLines(), java.util.Set.of("igf", "ukigf")));
    RegistryForums.check("registry/attendance.csv", table.forumLines(), java.util.Set.of("igf", "uk-igf", "eurodig"));
    RegistryForums.check("registry/attendance.csv", table.forumLines(), java.util.Set.of("igf"));
    fault("registry/process-events.csv line 2: forum 'uk-igf' (as slugged) is the documents' forum 'ukigf' spelt "
        + "otherwise, so its rows would match no document; write ukigf as the documents do",
        () -> RegistryForums.check("registry/process-events.csv",
            events("UK IGF,2023,2023-10-08,2023-10-09,,,,,,\n").forumLines(), java.util.Set.of("ukigf")));
  }

  @Test
  void processEventFaults() {
    fault("process-events.csv line 2: event_end 2023-10-01 is before event_start 2023-10-08",
        () -> events("igf,2023,2023-10-08,2023-10-01,,,,,,\n"));
    fault("process-events.csv line 2: agenda_published '28/06/2023' is not a date as YYYY-MM-DD",
        () -> events("igf,2023,2023-10-08,2023-10-12,,28/06/2023,,,,\n"));
    fault("process-events.csv line 2: the event_start cell is empty",
        () -> events("igf,2023,,2023-10-12,,,,,,\n"));
    fault("process-events.csv line 2: outputs_published 2023-01-01 is before event_start 2023-10-08: outputs of "
        + "an event come after it", () -> events("igf,2023,2023-10-08,2023-10-12,,,,2023-01-01,,\n"));
    fault("process-events.csv line 3: a second row for igf 2023 (first on line 2)",
        () -> events("igf,2023,2023-10-08,2023-10-12,,,,,,\nigf,2023,2023-10-08,2023-10-12,,,,,,\n"));
    fault("process-events.csv: the header line lacks column(s) outputs_published (found: forum, year, "
        + "event_start, event_end, modalities_announced, agenda_published, call_for_inputs_opened, source, note)",
        () -> ProcessEvents.of(CsvTable.read(new StringReader("forum,year,event_start,event_end,"
            + "modalities_announced,agenda_published,call_for_inputs_opened,source,note\n"), "process-events.csv",
            ProcessEvents.COLUMNS)));
  }
}
