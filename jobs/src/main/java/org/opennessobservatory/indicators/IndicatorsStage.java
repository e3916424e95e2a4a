package org.opennessobservatory.indicators;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.schema.Schemas;

/**
 * Stage indicators (DESIGN.md §3): utterances, speakers and documents in; session_indicators and
 * forum_year_indicators out. Spark only wires the pure parts: {@link TurnFact#newcomer}, {@link Tally} and
 * {@link SessionIndicators} per session (and per transcript of a session with several) and per forum-year, and the
 * small registry tables ({@link Attendance}, {@link ProcessEvents}), which become two small Datasets joined to the
 * panel.
 */
public final class IndicatorsStage {
  private IndicatorsStage() {}

  public static final String SESSIONS = "session_indicators";
  public static final String FORUM_YEARS = "forum_year_indicators";
  /** Prefix of the presence table's flags of the groups its breakdown covers: joined in, not written. */
  private static final String COVERS = "presence_covers_";

  /** Document types counted in their own column; transcripts and contributions have their named columns. */
  static final List<String> OTHER_DOC_TYPES = List.of("session_report", "agenda", "programme", "outcome",
      "announcement", "other");

  /**
   * Both datasets, and the per-turn facts they fold — persisted, because both read them (a join with the speakers
   * over every turn); the caller unpersists them when done.
   */
  public record Indicators(Dataset<Row> sessions, Dataset<Row> forumYears, Dataset<Row> turnFacts) {}

  private static final StructType TURNS = turnsSchema();

  /** The turn facts' columns; the dissent markers last, one count per kind in {@link DissentKind} order. */
  private static StructType turnsSchema() {
    StructType turns = new StructType()
        .add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
        .add("doc_id", DataTypes.StringType, false).add("session_id", DataTypes.StringType)
        .add("session_key", DataTypes.StringType, false).add("person_id", DataTypes.StringType)
        .add("stakeholder_group", DataTypes.StringType, false).add("role", DataTypes.StringType, false)
        .add("words", DataTypes.LongType, false).add("questions", DataTypes.LongType, false)
        .add("gender", DataTypes.StringType).add("un_region", DataTypes.StringType)
        .add("newcomer", DataTypes.BooleanType);
    for (DissentKind kind : DissentKind.values()) {
      turns = turns.add(SessionIndicators.dissentColumn(kind), DataTypes.LongType, false);
    }
    return turns;
  }

  public static Indicators indicators(SparkSession spark, Dataset<Row> documents, Dataset<Row> utterances,
      Dataset<Row> speakers, Attendance attendance, ProcessEvents events, String dissentLexiconVersion) {
    Dataset<Row> turns = turnFacts(utterances, speakers).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> sessions = sessions(turns, dissentLexiconVersion);
    Dataset<Row> forumYears = forumYears(spark, documents, turns, sessions, attendance, events,
        dissentLexiconVersion);
    return new Indicators(sessions, forumYears, turns);
  }

  /**
   * One row per turn with what the indicators need: the person's attributes joined. The turn's dissent markers were
   * counted by stage segment, so the turns' text is not read here.
   */
  static Dataset<Row> turnFacts(Dataset<Row> utterances, Dataset<Row> speakers) {
    Dataset<Row> persons = speakers.select(col("person_id").as("speaker_person_id"), col("gender"),
        col("un_region"), col("first_seen_forum"), col("first_seen_year"));
    List<Column> wanted = new ArrayList<>();
    for (String name : List.of("forum", "year", "doc_id", "session_id", "person_id", "stakeholder_group", "role",
        "words", "questions")) {
      wanted.add(col(name));
    }
    for (DissentKind kind : DissentKind.values()) {
      wanted.add(col(SessionIndicators.dissentColumn(kind)));
    }
    // One row per forum: the first year the corpus holds a turn of it, where newcomers cannot be told (TurnFact).
    Dataset<Row> firstYears = utterances.filter(col("year").isNotNull()).groupBy(col("forum").as("f_forum"))
        .agg(min(col("year")).as("forum_first_year"));
    Dataset<Row> joined = utterances.select(wanted.toArray(Column[]::new))
        .join(persons, col("person_id").equalTo(col("speaker_person_id")), "left")
        .join(broadcast(firstYears), col("forum").equalTo(col("f_forum")), "left");
    MapFunction<Row, Row> fact = r -> {
      String forum = r.getAs("forum");
      Integer year = r.getAs("year");
      String doc = r.getAs("doc_id");
      String session = r.getAs("session_id");
      String person = r.getAs("person_id");
      List<Object> values = new ArrayList<>();
      values.add(forum);
      values.add(year);
      values.add(doc);
      values.add(session);
      values.add(session == null ? doc : session);
      values.add(person);
      values.add(r.getAs("stakeholder_group"));
      values.add(r.getAs("role"));
      values.add(r.<Number>getAs("words").longValue());
      values.add(r.<Number>getAs("questions").longValue());
      values.add(person == null ? null : r.getAs("gender"));
      values.add(person == null ? null : r.getAs("un_region"));
      values.add(TurnFact.newcomer(person, forum, year, r.getAs("first_seen_forum"), r.getAs("first_seen_year"),
          r.getAs("forum_first_year")));
      for (DissentKind kind : DissentKind.values()) {
        values.add(r.<Number>getAs(SessionIndicators.dissentColumn(kind)).longValue());
      }
      return RowFactory.create(values.toArray());
    };
    return joined.map(fact, Encoders.row(TURNS));
  }

  /**
   * A turn-facts row as a {@link TurnFact}. By position in {@link #TURNS}: rows made by the map above may reach the
   * grouping without a schema (Spark elides the round trip through its encoder), so getAs(name) cannot be used.
   */
  static TurnFact fact(Row r) {
    Map<DissentKind, Long> markers = new EnumMap<>(DissentKind.class);
    for (DissentKind kind : DissentKind.values()) {
      markers.put(kind, r.getLong(DISSENT + kind.ordinal()));
    }
    return new TurnFact(r.getString(SESSION_KEY), r.getString(5), r.getString(6), r.getString(7), r.getLong(8),
        r.getLong(9), r.getString(10), r.getString(11), r.isNullAt(12) ? null : r.getBoolean(12), markers);
  }

  private static final int FORUM = 0;
  private static final int YEAR = 1;
  private static final int DOC = 2;
  private static final int SESSION = 3;
  private static final int SESSION_KEY = 4;
  private static final int DISSENT = 13;

  /** session_indicators.row_level of a row pooling a whole session's turns: the rows to aggregate. */
  public static final String SESSION_ROW = "session";
  /** session_indicators.row_level of one transcript of a session that has several, beside its session row. */
  public static final String TRANSCRIPT_ROW = "transcript";

  private static final StructType SESSION_ROWS = sessionRowsSchema();

  private static StructType sessionRowsSchema() {
    StructType out = new StructType().add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
        .add("session_id", DataTypes.StringType).add("doc_id", DataTypes.StringType)
        .add("row_level", DataTypes.StringType, false).add("session_transcripts", DataTypes.LongType, false);
    for (StructField f : SessionIndicators.FIELDS.fields()) {
      out = out.add(f);
    }
    return out;
  }

  /**
   * One row per session, its transcripts' turns pooled (row_level session), and for a session with several
   * transcripts (parts, languages) one row per transcript beside it (row_level transcript): the session is measured
   * whole — its speakers and Gini over all its parts — and each part can still be read alone. Whatever aggregates
   * sessions reads the session rows only, or a split session would count twice.
   */
  static Dataset<Row> sessions(Dataset<Row> turns, String lexiconVersion) {
    MapFunction<Row, String> bySession = r -> r.get(FORUM) + "\u0000" + r.get(YEAR) + "\u0000"
        + r.getString(SESSION_KEY);
    FlatMapGroupsFunction<String, Row, Row> perSession = (key, rows) -> {
      Tally session = new Tally();
      Map<String, Tally> transcripts = new TreeMap<>();
      Row first = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        first = first == null ? r : first;
        TurnFact fact = fact(r);
        session.add(fact);
        transcripts.computeIfAbsent(r.getString(DOC), d -> new Tally()).add(fact);
      }
      long n = transcripts.size();
      List<Row> out = new ArrayList<>();
      // A session of one transcript is keyed by it; a row pooling several transcripts is no one document.
      out.add(sessionRow(first, n == 1 ? transcripts.keySet().iterator().next() : null, SESSION_ROW, n, session));
      if (n > 1) {
        for (Map.Entry<String, Tally> t : transcripts.entrySet()) {
          out.add(sessionRow(first, t.getKey(), TRANSCRIPT_ROW, n, t.getValue()));
        }
      }
      return out.iterator();
    };
    return turns.groupByKey(bySession, Encoders.STRING()).flatMapGroups(perSession, Encoders.row(SESSION_ROWS))
        .withColumn("dissent_lexicon_version", lit(lexiconVersion))
        .select(schemaColumns(SESSIONS));
  }

  /** A session_indicators row: forum, year and session_id from any of the session's turn facts, then the measures. */
  private static Row sessionRow(Row turn, String doc, String level, long transcripts, Tally tally) {
    List<Object> values = new ArrayList<>();
    values.add(turn.get(FORUM));
    values.add(turn.get(YEAR));
    values.add(turn.get(SESSION));
    values.add(doc);
    values.add(level);
    values.add(transcripts);
    values.addAll(SessionIndicators.of(tally).values());
    return RowFactory.create(values.toArray());
  }

  /** The forum-year panel: pooled speaking indicators, documents, session means, presence and process dates. */
  static Dataset<Row> forumYears(SparkSession spark, Dataset<Row> documents, Dataset<Row> turns,
      Dataset<Row> sessions, Attendance attendance, ProcessEvents events, String lexiconVersion) {
    Dataset<Row> keys = documents.select("forum", "year").union(turns.select("forum", "year")).distinct();
    Dataset<Row> panel = leftJoin(leftJoin(leftJoin(leftJoin(leftJoin(leftJoin(keys, documentCounts(documents)),
        pooled(turns)), sessionTypes(documents, turns)), sessionMeans(sessions)), presence(spark, attendance)),
        process(spark, events));

    List<Column> gaps = new ArrayList<>();
    // Speaking is compared on the presence breakdown's base: the words of the groups it covers (a group it does not
    // publish, even within a merged category, is in neither denominator), as presence leaves out the undeclared.
    // Written as the known words less those of uncovered groups: with all seven covered, exactly the 1 -
    // word_share_unknown of earlier versions, not a sum of seven shares that differs from it in the last bits.
    Column coveredWords = lit(1).minus(col("word_share_unknown"));
    for (String g : Tally.KNOWN_GROUPS) {
      coveredWords = coveredWords.minus(when(col(COVERS + g), lit(0.0)).otherwise(col("word_share_" + g)));
    }
    for (String g : Tally.KNOWN_GROUPS) {
      Column speaking = when(coveredWords.gt(0), col("word_share_" + g).divide(coveredWords));
      panel = panel.withColumn("speaking_minus_presence_" + g, speaking.minus(col("presence_share_" + g)));
      gaps.add(abs(col("speaking_minus_presence_" + g)));
    }
    // Counts of documents are facts about the corpus (0 is 0); a forum-year seen only in utterances has none.
    List<String> counts = new ArrayList<>(List.of("sessions", "transcript_documents", "documents", "contributions"));
    OTHER_DOC_TYPES.forEach(t -> counts.add("documents_" + t));
    Tally.GROUPS.forEach(g -> counts.add("contributions_" + g));
    for (String c : counts) {
      panel = panel.withColumn(c, coalesce(col(c), lit(0L)));
    }
    panel = panel.withColumn("sessions_by_type", coalesce(col("sessions_by_type"),
        map().cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))));
    return panel
        .withColumn("floor_questions_per_session", when(col("sessions").gt(0),
            col("floor_questions").divide(col("sessions"))))
        .withColumn("presence_gap_max_group", greatest(gaps.toArray(Column[]::new)))
        .withColumn("presence_gap_women", abs(col("women_word_share").minus(col("women_presence_share"))))
        .withColumn("modalities_lead_days", datediff(col("event_start"), col("modalities_announced")))
        .withColumn("agenda_lead_days", datediff(col("event_start"), col("agenda_published")))
        .withColumn("call_for_inputs_lead_days", datediff(col("event_start"), col("call_for_inputs_opened")))
        .withColumn("outputs_published_days_after", datediff(col("outputs_published_on"), col("event_end")))
        // Known to be unpublished only when the forum-year has a process-events row; without one, unknown.
        .withColumn("outputs_published", when(col("process_row"), col("outputs_published_on").isNotNull()))
        .withColumn("dissent_lexicon_version", lit(lexiconVersion))
        .select(schemaColumns(FORUM_YEARS));
  }

  private static Dataset<Row> documentCounts(Dataset<Row> documents) {
    Column contribution = col("doc_type").equalTo("contribution");
    Column group = coalesce(col("author_stakeholder_group"), lit("unknown"));
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(when(col("doc_type").equalTo("transcript"), 1)).as("transcript_documents"));
    for (String type : OTHER_DOC_TYPES) {
      aggs.add(count(when(col("doc_type").equalTo(type), 1)).as("documents_" + type));
    }
    aggs.add(count(when(col("url").isNotNull(), 1)).as("documents_with_url"));
    aggs.add(count(when(contribution, 1)).as("contributions"));
    aggs.add(countDistinct(when(contribution.and(group.notEqual("unknown")), group)).as("contribution_groups"));
    for (String g : Tally.GROUPS) {
      aggs.add(count(when(contribution.and(group.equalTo(g)), 1)).as("contributions_" + g));
    }
    return documents.groupBy("forum", "year").agg(count(lit(1)).as("documents"), aggs.toArray(Column[]::new))
        .withColumn("documents_freely_available_share", col("documents_with_url").divide(col("documents")))
        // How many groups wrote is a measure of breadth: without one contribution of known authorship there is no
        // evidence of it (the call may have reached many groups whose inputs the corpus lacks), so null, not 0.
        .withColumn("contribution_groups", when(col("contribution_groups").gt(0),
            col("contribution_groups").cast(DataTypes.LongType)));
  }

  /**
   * The sessions column split by documents.session_type: a map from type to sessions, its values summing to
   * sessions. A session's type is the smallest non-null session_type among its transcripts (they normally agree;
   * min keeps the choice reproducible), {@code unknown} when none of them has one.
   */
  private static Dataset<Row> sessionTypes(Dataset<Row> documents, Dataset<Row> turns) {
    Dataset<Row> types = documents.filter(col("doc_type").equalTo("transcript"))
        .select(col("doc_id").as("type_doc_id"), col("session_type"));
    Dataset<Row> perSession = turns.select("forum", "year", "session_key", "doc_id").distinct()
        .join(types, col("doc_id").equalTo(col("type_doc_id")), "left")
        .groupBy("forum", "year", "session_key").agg(min(col("session_type")).as("session_type"))
        .withColumn("session_type", coalesce(col("session_type"), lit("unknown")));
    return perSession.groupBy("forum", "year", "session_type").agg(count(lit(1)).as("n"))
        .groupBy("forum", "year")
        .agg(map_from_entries(array_sort(collect_list(struct(col("session_type"), col("n")))))
            .as("sessions_by_type"));
  }

  /** The forum-year's turns folded into one tally: Gini and the person shares are over its persons, pooled. */
  private static Dataset<Row> pooled(Dataset<Row> turns) {
    StructType out = new StructType().add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
        .add("sessions", DataTypes.LongType, false);
    for (StructField f : SessionIndicators.FIELDS.fields()) {
      out = out.add(f);
    }
    MapFunction<Row, String> byForumYear = r -> r.get(FORUM) + "\u0000" + r.get(YEAR);
    FlatMapGroupsFunction<String, Row, Row> perForumYear = (key, rows) -> {
      Tally tally = new Tally();
      Row first = null;
      for (Iterator<Row> it = rows; it.hasNext(); ) {
        Row r = it.next();
        first = first == null ? r : first;
        tally.add(fact(r));
      }
      List<Object> values = new ArrayList<>();
      values.add(first.get(FORUM));
      values.add(first.get(YEAR));
      values.add(tally.sessions());
      values.addAll(SessionIndicators.of(tally).values());
      return List.of(RowFactory.create(values.toArray())).iterator();
    };
    return turns.groupByKey(byForumYear, Encoders.STRING()).flatMapGroups(perForumYear, Encoders.row(out));
  }

  /**
   * Unweighted means over sessions, beside the pooled values: a forum can be concentrated in its big sessions. Over
   * the session rows only: a split session's transcript rows would count it again.
   */
  static final List<String> SESSION_MEANS = List.of("attributed_word_share", "women_word_share", "gini_words",
      "entropy_groups", "top_speaker_share");

  private static Dataset<Row> sessionMeans(Dataset<Row> sessions) {
    List<Column> aggs = SESSION_MEANS.stream().map(c -> avg(col(c)).as("session_mean_" + c)).toList();
    return sessions.filter(col("row_level").equalTo(SESSION_ROW)).groupBy("forum", "year")
        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
  }

  private static Dataset<Row> presence(SparkSession spark, Attendance attendance) {
    StructType schema = new StructType().add("forum", DataTypes.StringType, false)
        .add("year", DataTypes.IntegerType).add("presence_population", DataTypes.StringType);
    for (String g : Tally.KNOWN_GROUPS) {
      schema = schema.add("presence_share_" + g, DataTypes.DoubleType).add(COVERS + g, DataTypes.BooleanType);
    }
    schema = schema.add("women_presence_population", DataTypes.StringType)
        .add("women_presence_share", DataTypes.DoubleType);
    Set<String> forumYears = new LinkedHashSet<>();
    attendance.figures().forEach(f -> forumYears.add(f.forum() + "\u0000" + f.year()));
    List<Row> rows = new ArrayList<>();
    for (String key : forumYears) {
      String forum = key.substring(0, key.indexOf('\u0000'));
      int year = Integer.parseInt(key.substring(key.indexOf('\u0000') + 1));
      var groups = attendance.presence(forum, year, "stakeholder_group");
      var gender = attendance.presence(forum, year, "gender");
      List<Object> values = new ArrayList<>();
      values.add(forum);
      values.add(year);
      values.add(groups.map(Attendance.Presence::population).orElse(null));
      for (String g : Tally.KNOWN_GROUPS) {
        values.add(groups.map(p -> p.shares().get(g)).orElse(null));
        values.add(groups.map(p -> p.covered().contains(g)).orElse(null));
      }
      values.add(gender.map(Attendance.Presence::population).orElse(null));
      values.add(gender.map(p -> p.shares().get(SessionIndicators.WOMAN)).orElse(null));
      rows.add(RowFactory.create(values.toArray()));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset<Row> process(SparkSession spark, ProcessEvents events) {
    StructType schema = new StructType().add("forum", DataTypes.StringType, false)
        .add("year", DataTypes.IntegerType).add("event_start", DataTypes.DateType)
        .add("event_end", DataTypes.DateType).add("modalities_announced", DataTypes.DateType)
        .add("agenda_published", DataTypes.DateType).add("call_for_inputs_opened", DataTypes.DateType)
        .add("outputs_published_on", DataTypes.DateType).add("process_row", DataTypes.BooleanType, false);
    List<Row> rows = events.events().stream().map(e -> RowFactory.create(e.forum(), e.year(), date(e.eventStart()),
        date(e.eventEnd()), date(e.modalitiesAnnounced()), date(e.agendaPublished()),
        date(e.callForInputsOpened()), date(e.outputsPublished()), true)).toList();
    return spark.createDataFrame(rows, schema);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  /** Left join on forum and year, null-safe: a forum-year without a year is still one forum-year. */
  private static Dataset<Row> leftJoin(Dataset<Row> left, Dataset<Row> right) {
    Dataset<Row> r = right.withColumnRenamed("forum", "right_forum").withColumnRenamed("year", "right_year");
    return left.join(r, left.col("forum").eqNullSafe(r.col("right_forum"))
        .and(left.col("year").eqNullSafe(r.col("right_year"))), "left").drop("right_forum", "right_year");
  }

  private static Column[] schemaColumns(String dataset) {
    return java.util.Arrays.stream(Schemas.load(dataset).fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }
}
