package org.opennessobservatory.indicators;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.opennessobservatory.io.CsvTable;

/**
 * The hand-computed fixture: igf 2023, two sessions, four persons, two unknown turns; eurodig 2022 with one agenda
 * and nothing else (every speaking indicator null there); igf 2022, one session (s0, transcript d0) where P1 and P2
 * speak 50 words each: igf's first year in the corpus, where newcomers cannot be told (null).
 *
 * <pre>
 * person  group (turns)        gender   region        first seen      newcomer at igf 2023
 * P1      government           woman    africa        igf 2022        no
 * P2      civil_society        man      weog          igf 2022        no
 * P3      private_sector       woman    asia_pacific  igf 2023        yes
 * P4      academia             (null)   (null)        eurodig 2022    no
 *
 * session A (doc dA, s1)                              session B (s2, two transcripts: dB1 and dB2)
 * turn person role      group           words q      doc turn person role      group          words q
 * 0    P1     chair     government      100   0      dB1 0    P4     moderator academia       80    0
 * 1    P2     panelist  civil_society   200   1 (*)  dB1 1    P2     panelist  civil_society  120   0
 * 2    P3     panelist  private_sector  100   0      dB2 0    -      remote    civil_society  40    1
 * 3    -      audience  unknown         50    2      dB2 1    P3     audience  private_sector 60    1
 * 4    P1     chair     government      50    0
 * (*) its text holds "I disagree": a disagreement marker. Session B's turn 1 holds "we object" and "we have concerns":
 *     an objection and a reservation.
 * </pre>
 */
final class IndicatorsFixture {
  private IndicatorsFixture() {}

  static final double EPS = 1e-9;

  static final StructType UTTERANCES = new StructType().add("forum", DataTypes.StringType, false)
      .add("year", DataTypes.IntegerType).add("doc_id", DataTypes.StringType, false)
      .add("session_id", DataTypes.StringType).add("turn_index", DataTypes.IntegerType, false)
      .add("person_id", DataTypes.StringType).add("stakeholder_group", DataTypes.StringType, false)
      .add("role", DataTypes.StringType, false).add("words", DataTypes.LongType, false)
      .add("questions", DataTypes.LongType, false).add("text", DataTypes.StringType, false)
      .add("dissent_markers_disagreement", DataTypes.LongType, false)
      .add("dissent_markers_objection", DataTypes.LongType, false)
      .add("dissent_markers_reservation", DataTypes.LongType, false);
  static final StructType SPEAKERS = new StructType().add("person_id", DataTypes.StringType, false)
      .add("gender", DataTypes.StringType).add("un_region", DataTypes.StringType)
      .add("first_seen_forum", DataTypes.StringType, false).add("first_seen_year", DataTypes.IntegerType);
  static final StructType DOCUMENTS = new StructType().add("doc_id", DataTypes.StringType, false)
      .add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
      .add("doc_type", DataTypes.StringType, false).add("url", DataTypes.StringType)
      .add("author_stakeholder_group", DataTypes.StringType).add("session_type", DataTypes.StringType);

  static Dataset<Row> utterances(SparkSession spark) {
    return spark.createDataFrame(List.of(
        turn("dA", "s1", 0, "p1", "government", "chair", 100, 0, "Welcome to this session."),
        turn("dA", "s1", 1, "p2", "civil_society", "panelist", 200, 1, "With respect, I disagree. Why now?"),
        turn("dA", "s1", 2, "p3", "private_sector", "panelist", 100, 0, "We agree with the proposal."),
        turn("dA", "s1", 3, null, "unknown", "audience", 50, 2, "Two questions. First? Second?"),
        turn("dA", "s1", 4, "p1", "government", "chair", 50, 0, "Thank you all."),
        turn("dB1", "s2", 0, "p4", "academia", "moderator", 80, 0, "Let us begin."),
        turn("dB1", "s2", 1, "p2", "civil_society", "panelist", 120, 0, "We object to the draft; we have concerns."),
        turn("dB2", "s2", 0, null, "civil_society", "remote", 40, 1, "A remote question?"),
        turn("dB2", "s2", 1, "p3", "private_sector", "audience", 60, 1, "From the floor: when?"),
        turn(2022, "d0", "s0", 0, "p1", "government", "chair", 50, 0, "Welcome to the first forum."),
        turn(2022, "d0", "s0", 1, "p2", "civil_society", "panelist", 50, 0, "Thank you for the invitation.")),
        UTTERANCES);
  }

  private static Row turn(String doc, String session, int index, String person, String group, String role,
      long words, long questions, String text) {
    return turn(2023, doc, session, index, person, group, role, words, questions, text);
  }

  private static Row turn(int year, String doc, String session, int index, String person, String group, String role,
      long words, long questions, String text) {
    // The markers as stage segment counts them in the text: the expectations follow from the text above.
    Map<DissentKind, Long> dissent = DissentLexicon.standard().count(text);
    return RowFactory.create("igf", year, doc, session, index, person, group, role, words, questions, text,
        dissent.get(DissentKind.DISAGREEMENT), dissent.get(DissentKind.OBJECTION),
        dissent.get(DissentKind.RESERVATION));
  }

  static Dataset<Row> speakers(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("p1", "woman", "africa", "igf", 2022),
        RowFactory.create("p2", "man", "weog", "igf", 2022),
        RowFactory.create("p3", "woman", "asia_pacific", "igf", 2023),
        RowFactory.create("p4", null, null, "eurodig", 2022)), SPEAKERS);
  }

  /**
   * igf 2023: 7 documents, 4 with a URL; 3 transcripts, session B's two (parts of one session) the first of a
   * main_session and the second of no stated type, session A's of none; 3 contributions by 2 groups. eurodig 2022:
   * one agenda, no URL. igf 2022: its transcript and one contribution whose author's group is not known.
   */
  static Dataset<Row> documents(SparkSession spark) {
    return spark.createDataFrame(List.of(
        RowFactory.create("dA", "igf", 2023, "transcript", "https://example.org/a", null, null),
        RowFactory.create("dB1", "igf", 2023, "transcript", null, null, "main_session"),
        RowFactory.create("dB2", "igf", 2023, "transcript", null, null, null),
        RowFactory.create("c1", "igf", 2023, "contribution", "https://example.org/c1", "civil_society", null),
        RowFactory.create("c2", "igf", 2023, "contribution", "https://example.org/c2", "government", null),
        RowFactory.create("c3", "igf", 2023, "contribution", null, "civil_society", null),
        RowFactory.create("o1", "igf", 2023, "outcome", "https://example.org/o1", null, null),
        RowFactory.create("g1", "eurodig", 2022, "agenda", null, null, null),
        RowFactory.create("d0", "igf", 2022, "transcript", null, null, null),
        RowFactory.create("c0", "igf", 2022, "contribution", null, null, null)), DOCUMENTS);
  }

  static final String ATTENDANCE_CSV = String.join("\n",
      "forum,year,population,dimension,category,value,unit,source,note",
      "IGF,2023,registrants,total,all,1000,count,fixture,",
      "igf,2023,onsite,stakeholder_group,government,0.5,share,fixture,registrants win over onsite",
      "igf,2023,onsite,stakeholder_group,civil_society,0.5,share,fixture,",
      "igf,2023,registrants,stakeholder_group,government,0.25,share,fixture,",
      "igf,2023,registrants,stakeholder_group,civil_society,0.30,share,fixture,",
      "igf,2023,registrants,stakeholder_group,private_sector,0.20,share,fixture,",
      "igf,2023,registrants,stakeholder_group,technical_community,0.10,share,fixture,",
      "igf,2023,registrants,stakeholder_group,academia,0.10,share,fixture,",
      "igf,2023,registrants,stakeholder_group,intergovernmental,0.04,share,fixture,",
      "igf,2023,registrants,stakeholder_group,other,0.01,share,fixture,",
      "igf,2023,registrants,gender,woman,0.40,share,fixture,",
      "igf,2023,registrants,gender,man,0.58,share,fixture,",
      "igf,2023,registrants,gender,other,0.02,share,fixture,",
      "igf,2022,participants,total,all,1000,count,fixture,",
      "igf,2022,participants,stakeholder_group,government,300,count,fixture,no civil_society category published",
      "igf,2022,participants,stakeholder_group,private_sector,200,count,fixture,",
      "igf,2022,participants,stakeholder_group,technical_academic,100,count,fixture,two groups together",
      "igf,2022,participants,stakeholder_group,intergovernmental,100,count,fixture,",
      "igf,2022,participants,stakeholder_group,media,50,count,fixture,counted as other",
      "igf,2022,participants,stakeholder_group,unknown,250,count,fixture,declared no group",
      "igf,2022,participants,gender,woman,400,count,fixture,",
      "igf,2022,participants,gender,man,350,count,fixture,",
      "igf,2022,participants,gender,unknown,250,count,fixture,", "");

  static final String PROCESS_EVENTS_CSV = String.join("\n",
      "forum,year,event_start,event_end,modalities_announced,agenda_published,call_for_inputs_opened,"
          + "outputs_published,source,note",
      "igf,2023,2023-10-08,2023-10-12,2023-05-09,2023-06-28,,2023-11-02,fixture,", "");

  static Attendance attendance() {
    return Attendance.of(CsvTable.read(new StringReader(ATTENDANCE_CSV), "attendance.csv", Attendance.COLUMNS));
  }

  static ProcessEvents processEvents() {
    return ProcessEvents.of(CsvTable.read(new StringReader(PROCESS_EVENTS_CSV), "process-events.csv",
        ProcessEvents.COLUMNS));
  }

  /** Asserts each expected value (Double within EPS; null, Long, Integer, String, Boolean exactly) by column. */
  static void assertColumns(Map<String, Object> expected, Row row, String where) {
    expected.forEach((column, value) -> {
      Object actual = row.getAs(column);
      if (value instanceof Double d) {
        Assertions.assertTrue(actual instanceof Double a && Math.abs(a - d) < EPS,
            where + " " + column + ": expected " + d + ", got " + actual);
      } else {
        Assertions.assertEquals(value, actual, where + " " + column);
      }
    });
  }

  static void assertColumns(Map<String, Object> expected, Map<String, Object> actual, String where) {
    expected.forEach((column, value) -> {
      Assertions.assertTrue(actual.containsKey(column), where + ": no column " + column);
      Object a = actual.get(column);
      if (value instanceof Double d) {
        Assertions.assertTrue(a instanceof Double x && Math.abs(x - d) < EPS,
            where + " " + column + ": expected " + d + ", got " + a);
      } else {
        Assertions.assertEquals(value, a, where + " " + column);
      }
    });
  }
}
