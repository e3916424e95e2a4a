package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.transcripts.SegmentStage;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Stage resolve: who speaks in each turn, and who those people are across the corpus (DESIGN.md §3). Three steps,
 * each a pure function wired into Spark: per transcript, the mentions its turns make of their speakers; per block of
 * like-sounding surnames, the links from names to persons; per person, a profile from the registry and the mentions.
 */
public final class ResolveStage {
  private ResolveStage() {}

  public static final String SPEAKERS = "speakers";
  public static final String COVERAGE = "transcript_coverage";

  /**
   * What the stage produces: utterances with their person columns, the persons, and coverage per transcript; and the
   * intermediate datasets all three are computed from (the turns with their mentions — POS tagging is the stage's
   * cost — or what of them was costly to compute, the name links and the person profiles), persisted: the caller
   * unpersists them when done. {@code turns} are the turns as the stage received them.
   */
  public record Resolution(Dataset<Row> utterances, Dataset<Row> speakers, Dataset<Row> coverage,
      Dataset<Row> turns, List<Dataset<Row>> persisted) {

    public void unpersist() {
      persisted.forEach(Dataset::unpersist);
    }
  }

  /** Reference data every task needs, shipped once per executor. */
  public record Lookups(Registry registry, StakeholderKeywords keywords,
      Map<String, Map<String, IdentityLinker.Seed>> seedsByBlock) implements java.io.Serializable {
    public static Lookups of(Registry registry, StakeholderKeywords keywords) {
      return new Lookups(registry, keywords, ResolveStage.seedsByBlock(registry));
    }
  }

  /** What the per-document step adds to each utterance row: who the turn says its speaker is. */
  private static final StructType MENTION_FIELDS = new StructType()
      .add("m_name", DataTypes.StringType).add("observation_key", DataTypes.StringType)
      .add("person_source", DataTypes.StringType).add("m_organisation", DataTypes.StringType)
      .add("m_organisation_source", DataTypes.StringType).add("organisation_group", DataTypes.StringType)
      .add("gender_cues", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private static final StructType CANDIDATE = new StructType().add("person_key", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false).add("score", DataTypes.DoubleType, false);

  private static final StructType LINKS = new StructType()
      .add("observation_key", DataTypes.StringType, false).add("person_key", DataTypes.StringType, false)
      .add("person_id", DataTypes.StringType, false).add("person_link", DataTypes.StringType, false)
      .add("person_link_score", DataTypes.DoubleType, false)
      .add("candidates", DataTypes.createArrayType(CANDIDATE, false), false);

  /**
   * Reads each transcript's turns together (where they lie, or after one shuffle); everything after works on small
   * tables — one row per name, per person, per person-year — which are broadcast to the turns rather than
   * joined by shuffling the turns again. Their size grows with the people in the corpus, not with its words.
   *
   * @param clustered whether each transcript's utterances lie together in one partition, in order — true for the
   *     Dataset stage segment returns, false for utterances read back from files
   */
  public static Resolution resolve(SparkSession spark, Dataset<Row> utterances, Lookups lookups, boolean clustered) {
    Broadcast<Lookups> shared = share(spark, lookups);
    Dataset<Row> turns = mentions(withoutPersons(utterances), shared, clustered)
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Filled now, once: the broadcast tables of resolveTurns are built by concurrent jobs, and each would otherwise
    // segment and read the transcripts again while the cache is still empty.
    turns.count();
    return resolveTurns(spark, turns, shared, List.of(turns));
  }

  /** The lookups shipped once to every executor. */
  static Broadcast<Lookups> share(SparkSession spark, Lookups lookups) {
    return spark.sparkContext().broadcast(lookups, scala.reflect.ClassTag$.MODULE$.apply(Lookups.class));
  }

  /** Utterance rows without the columns this stage fills. */
  static Dataset<Row> withoutPersons(Dataset<Row> utterances) {
    return utterances.drop("person_id", "person_source", "person_link", "person_link_score", "stakeholder_group",
        "stakeholder_group_source");
  }

  /**
   * {@link #resolve} from the turns with what each says of its speaker ({@link #mentions}, or {@link TranscriptTurns}
   * where an incremental run reuses them); the turns may carry further columns, which the utterances leave out.
   * They are read several times: the caller has persisted and filled what of them would be costly to compute again.
   *
   * @param cached what of {@code turns} the caller persisted, released with the resolution
   */
  static Resolution resolveTurns(SparkSession spark, Dataset<Row> turns, Broadcast<Lookups> shared,
      List<Dataset<Row>> cached) {
    Dataset<Row> links = links(turns, shared).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> linked = turns.filter(col("observation_key").isNotNull())
        .select("doc_id", "forum", "year", "turn_index", "words", "m_name", "observation_key",
            "m_organisation", "m_organisation_source", "gender_cues")
        .join(broadcast(links), "observation_key");

    // One pass per person gives both the speakers row and the person's group year by year.
    FlatMapGroupsFunction<String, Row, Row> profile = (person, rows) -> {
      PersonProfile p = PersonProfile.of(person, personMentions(rows), shared.value().registry(),
          shared.value().keywords());
      return List.of(SpeakerRows.profile(p)).iterator();
    };
    MapFunction<Row, String> byPerson = r -> r.getAs("person_key");
    Dataset<Row> profiles = linked.groupByKey(byPerson, Encoders.STRING())
        .flatMapGroups(profile, Encoders.row(SpeakerRows.PROFILE)).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> speakers = profiles.select("speaker.*");
    Dataset<Row> personYears = profiles.select(col("person_key"), explode(col("years")).as("y"))
        .select(col("person_key").as("py_person_key"), col("y.year").as("group_year"),
            col("y.group").as("person_group"), col("y.source").as("person_group_source"));

    Dataset<Row> withPerson = turns.join(broadcast(links.select("observation_key", "person_key", "person_id",
        "person_link", "person_link_score")), "observation_key", "left");
    Dataset<Row> resolved = withPerson.join(broadcast(personYears),
            withPerson.col("person_key").equalTo(personYears.col("py_person_key"))
                .and(withPerson.col("year").eqNullSafe(personYears.col("group_year"))), "left")
        .withColumn("stakeholder_group", coalesce(col("person_group"), col("organisation_group"), lit("unknown")))
        .withColumn("stakeholder_group_source", when(col("person_group").isNotNull(), col("person_group_source"))
            .when(col("organisation_group").isNotNull(), lit("organisation_keywords")).otherwise(lit("unknown")))
        .select(Arrays.stream(Schemas.load(SegmentStage.UTTERANCES).fieldNames()).map(functions::col)
            .toArray(Column[]::new));
    List<Dataset<Row>> persisted = new ArrayList<>(cached);
    persisted.addAll(List.of(links, profiles));
    return new Resolution(resolved, speakers, coverage(resolved), turns, persisted);
  }

  /**
   * Per transcript, what its turns say of their speakers: each utterance row comes out whole, with the mention fields
   * after its columns. Input that holds each transcript's turns together in one partition (the direct output of stage
   * segment, see {@link SegmentStage#utterances}) is read as it lies; any other is first shuffled by transcript.
   */
  static Dataset<Row> mentions(Dataset<Row> utterances, Broadcast<Lookups> shared, boolean clustered) {
    StructType out = utterances.schema();
    for (StructField f : MENTION_FIELDS.fields()) {
      out = out.add(f);
    }
    int width = utterances.schema().size();
    Dataset<Row> input = clustered ? utterances
        : utterances.repartition(col("doc_id")).sortWithinPartitions("doc_id", "turn_index");
    MapPartitionsFunction<Row, Row> perDocument = rows -> new TranscriptGroups(rows).stream()
        .flatMap(turns -> withMentions(turns, width, shared.value().keywords()).stream()).iterator();
    return input.mapPartitions(perDocument, Encoders.row(out));
  }

  /** One transcript's rows, each extended by what DocumentMentions finds about its speaker. */
  private static List<Row> withMentions(List<Row> inputs, int width, StakeholderKeywords keywords) {
    inputs.sort(java.util.Comparator.comparingInt(r -> r.<Integer>getAs("turn_index")));
    List<DocumentTurn> turns = new ArrayList<>(inputs.size());
    for (Row r : inputs) {
      turns.add(new DocumentTurn(r.getAs("turn_index"), r.getAs("role"), r.getAs("label_raw"),
          r.getAs("speaker_name"), r.getAs("title"), r.getAs("organisation"), r.getAs("text")));
    }
    String doc = inputs.get(0).getAs("doc_id");
    List<Mention> mentions = DocumentMentions.of(turns);
    List<Row> result = new ArrayList<>(mentions.size());
    for (int i = 0; i < mentions.size(); i++) {
      Mention m = mentions.get(i);
      NameKey key = m.name() == null ? null : NameKey.of(m.name());
      String observation = key == null || key.isEmpty() ? null : key.isFull() ? key.key() : key.key() + "@" + doc;
      String group = keywords.groupOf(m.organisation()).map(StakeholderGroup::id).orElse(null);
      Object[] values = new Object[width + MENTION_FIELDS.size()];
      for (int c = 0; c < width; c++) {
        values[c] = inputs.get(i).get(c);
      }
      Object[] extra = {m.name(), observation, m.nameSource(), m.organisation(), m.organisationSource(), group,
          m.genderCues().stream().map(c -> c.gender().id() + ":" + c.source()).toArray(String[]::new)};
      System.arraycopy(extra, 0, values, width, extra.length);
      result.add(RowFactory.create(values));
    }
    return result;
  }

  /** Names observed, grouped into blocks of like-sounding surnames, linked to persons. */
  private static Dataset<Row> links(Dataset<Row> mentions, Broadcast<Lookups> shared) {
    Dataset<Row> observations = mentions.filter(col("observation_key").isNotNull())
        .groupBy("observation_key")
        .agg(first("m_name").as("name"), collect_set("doc_id").as("documents"),
            collect_set("m_organisation").as("organisations"));
    MapFunction<Row, String> byBlock = r -> blockOf(NameKey.of(r.getAs("name")), shared.value().registry());
    FlatMapGroupsFunction<String, Row, Row> link = (block, rows) -> {
      Registry registry = shared.value().registry();
      List<IdentityLinker.Observation> block0 = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        NameKey name = NameKey.of(r.getAs("name"));
        String person = registry.personOf(name).orElse(null);
        String method = person == null ? null : person.equals(name.key()) ? "registry" : "registry_alias";
        Set<String> organisations = new HashSet<>();
        for (String o : CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs("organisations"))) {
          organisations.add(NameKey.of(o).key());
        }
        block0.add(new IdentityLinker.Observation(r.getAs("observation_key"), name,
            new HashSet<>(CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs("documents"))),
            organisations, person, method));
      }
      List<Row> out = new ArrayList<>();
      for (IdentityLinker.Link l : IdentityLinker.link(block0,
          shared.value().seedsByBlock().getOrDefault(block, Map.of()))) {
        out.add(RowFactory.create(l.observationKey(), l.personKey(), personIdOf(l.personKey()), l.method(), l.score(),
            l.candidates().stream().map(c -> RowFactory.create(c.personKey(), c.method(), c.score()))
                .toArray(Row[]::new)));
      }
      return out.iterator();
    };
    return observations.groupByKey(byBlock, Encoders.STRING()).flatMapGroups(link, Encoders.row(LINKS));
  }

  /** A registry name blocks with its person's canonical name, so that an alias with another surname still meets it. */
  static String blockOf(NameKey name, Registry registry) {
    return registry.personOf(name).map(p -> NameKey.of(p).block()).orElse(name.block());
  }

  private static Map<String, Map<String, IdentityLinker.Seed>> seedsByBlock(Registry registry) {
    Map<String, Map<String, IdentityLinker.Seed>> seeds = new HashMap<>();
    registry.namesByPerson().forEach((person, names) -> {
      Set<String> organisations = new HashSet<>();
      registry.organisationsOf(person).forEach(o -> organisations.add(NameKey.of(o).key()));
      seeds.computeIfAbsent(NameKey.of(person).block(), b -> new HashMap<>()).put(person,
          new IdentityLinker.Seed(names.stream().map(NameKey::of).toList(), organisations));
    });
    return seeds;
  }

  private static List<PersonMention> personMentions(Iterator<Row> rows) {
    List<PersonMention> mentions = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      List<IdentityLinker.Candidate> candidates = new ArrayList<>();
      for (Row c : CollectionConverters.asJava(r.<scala.collection.Seq<Row>>getAs("candidates"))) {
        candidates.add(new IdentityLinker.Candidate(c.getString(0), c.getString(1), c.getDouble(2)));
      }
      mentions.add(new PersonMention(r.getAs("doc_id"), r.getAs("forum"), r.getAs("year"), r.getAs("turn_index"),
          ((Number) r.getAs("words")).longValue(), r.getAs("m_name"), r.getAs("m_organisation"),
          r.getAs("m_organisation_source"),
          CollectionConverters.asJava(r.<scala.collection.Seq<String>>getAs("gender_cues")), r.getAs("person_link"),
          r.<Double>getAs("person_link_score"), candidates));
    }
    return mentions;
  }

  /** The person id of a person key: 32 hex digits of its SHA-256 (DESIGN.md §5, ids from normalised keys). */
  public static String personIdOf(String personKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(personKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Per transcript: how much of it is attributed to named persons (a quality measure every indicator inherits). */
  static Dataset<Row> coverage(Dataset<Row> utterances) {
    return utterances.groupBy("doc_id", "forum", "year").agg(first("session_id", true).as("session_id"),
            count(lit(1)).as("turns"), sum("words").cast(DataTypes.LongType).as("words"),
            sum(when(col("person_id").isNotNull(), col("words")).otherwise(0)).cast(DataTypes.LongType)
                .as("named_words"),
            countDistinct("person_id").as("persons"),
            count(when(col("person_id").isNull().and(col("role").equalTo("unknown")), 1)).as("unknown_turns"),
            count(when(col("person_source").equalTo("self_introduction"), 1)).as("self_introduced_turns"),
            first("transcript_labelled").as("labelled"))
        .withColumn("named_word_share", when(col("words").gt(0), col("named_words").divide(col("words"))));
  }
}
