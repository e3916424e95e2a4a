package org.opennessobservatory.speakers;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.schema.Schemas;
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
   * per-turn mentions all three are computed from, persisted because finding them (POS tagging) is the stage's cost —
   * the caller unpersists them when done.
   */
  public record Resolution(Dataset<Row> utterances, Dataset<Row> speakers, Dataset<Row> coverage,
      Dataset<Row> mentions) {}

  /** Reference data every task needs, shipped once per executor. */
  public record Lookups(Registry registry, StakeholderKeywords keywords,
      Map<String, Map<String, IdentityLinker.Seed>> seedsByBlock) implements java.io.Serializable {
    public static Lookups of(Registry registry, StakeholderKeywords keywords) {
      return new Lookups(registry, keywords, ResolveStage.seedsByBlock(registry));
    }
  }

  private static final StructType MENTIONS = new StructType()
      .add("doc_id", DataTypes.StringType, false).add("forum", DataTypes.StringType)
      .add("year", DataTypes.IntegerType).add("turn_index", DataTypes.IntegerType, false)
      .add("words", DataTypes.LongType, false).add("name", DataTypes.StringType)
      .add("observation_key", DataTypes.StringType).add("person_source", DataTypes.StringType)
      .add("organisation", DataTypes.StringType).add("organisation_source", DataTypes.StringType)
      .add("organisation_group", DataTypes.StringType)
      .add("gender_cues", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private static final StructType CANDIDATE = new StructType().add("person_key", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false).add("score", DataTypes.DoubleType, false);

  private static final StructType LINKS = new StructType()
      .add("observation_key", DataTypes.StringType, false).add("person_key", DataTypes.StringType, false)
      .add("person_id", DataTypes.StringType, false).add("person_link", DataTypes.StringType, false).add("person_link_score", DataTypes.DoubleType, false)
      .add("candidates", DataTypes.createArrayType(CANDIDATE, false), false);

  private static final StructType PERSON_YEARS = new StructType()
      .add("person_key", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
      .add("person_group", DataTypes.StringType, false).add("person_group_source", DataTypes.StringType, false);

  public static Resolution resolve(SparkSession spark, Dataset<Row> utterances, Lookups lookups) {
    Broadcast<Lookups> shared = spark.sparkContext().broadcast(lookups,
        scala.reflect.ClassTag$.MODULE$.apply(Lookups.class));
    Dataset<Row> base = utterances.drop("person_id", "person_source", "person_link", "person_link_score",
        "stakeholder_group", "stakeholder_group_source");
    Dataset<Row> mentions = mentions(base, shared).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> links = links(mentions, shared);
    Dataset<Row> linked = mentions.filter(col("observation_key").isNotNull()).join(links, "observation_key");

    FlatMapGroupsFunction<String, Row, Row> profile = (person, rows) -> List.<Row>of(
        SpeakerRows.speaker(PersonProfile.of(person, personMentions(rows), shared.value().registry(),
            shared.value().keywords()))).iterator();
    FlatMapGroupsFunction<String, Row, Row> years = (person, rows) -> SpeakerRows.years(
        PersonProfile.of(person, personMentions(rows), shared.value().registry(), shared.value().keywords()))
        .iterator();
    MapFunction<Row, String> byPerson = r -> r.getAs("person_key");
    Dataset<Row> speakers = linked.groupByKey(byPerson, Encoders.STRING())
        .flatMapGroups(profile, Encoders.row(Schemas.load(SPEAKERS)));
    Dataset<Row> personYears = linked.groupByKey(byPerson, Encoders.STRING())
        .flatMapGroups(years, Encoders.row(PERSON_YEARS));

    Dataset<Row> turnPersons = linked.join(personYears, new String[] {"person_key", "year"}, "left")
        .select(col("doc_id"), col("turn_index"), col("person_id"), col("person_source"), col("person_link"),
            col("person_link_score"), col("person_group"), col("person_group_source"));
    Dataset<Row> turnGroups = mentions.select("doc_id", "turn_index", "organisation_group");
    Dataset<Row> resolved = base.join(turnPersons, new String[] {"doc_id", "turn_index"}, "left")
        .join(turnGroups, new String[] {"doc_id", "turn_index"}, "left")
        .withColumn("stakeholder_group", coalesce(col("person_group"), col("organisation_group"), lit("unknown")))
        .withColumn("stakeholder_group_source", when(col("person_group").isNotNull(), col("person_group_source"))
            .when(col("organisation_group").isNotNull(), lit("organisation_keywords")).otherwise(lit("unknown")))
        .drop("person_group", "person_group_source", "organisation_group");
    return new Resolution(resolved, speakers, coverage(resolved), mentions);
  }

  /** Per transcript, what its turns say of their speakers (one group holds one transcript's turns). */
  private static Dataset<Row> mentions(Dataset<Row> utterances, Broadcast<Lookups> shared) {
    MapFunction<Row, String> byDoc = r -> r.getAs("doc_id");
    FlatMapGroupsFunction<String, Row, Row> perDocument = (doc, rows) -> {
      List<DocumentTurn> turns = new ArrayList<>();
      Map<Integer, Long> words = new HashMap<>();
      Row any = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        any = r;
        words.put(r.getAs("turn_index"), ((Number) r.getAs("words")).longValue());
        turns.add(new DocumentTurn(r.getAs("turn_index"), r.getAs("role"), r.getAs("label_raw"),
            r.getAs("speaker_name"), r.getAs("title"), r.getAs("organisation"), r.getAs("text")));
      }
      turns.sort(java.util.Comparator.comparingInt(DocumentTurn::turnIndex));
      String forum = any.getAs("forum");
      Integer year = any.getAs("year");
      List<Mention> mentions = DocumentMentions.of(turns);
      List<Row> out = new ArrayList<>(mentions.size());
      for (int i = 0; i < mentions.size(); i++) {
        Mention m = mentions.get(i);
        NameKey key = m.name() == null ? null : NameKey.of(m.name());
        String observation = key == null || key.isEmpty() ? null : key.isFull() ? key.key() : key.key() + "@" + doc;
        String group = shared.value().keywords().groupOf(m.organisation()).map(StakeholderGroup::id).orElse(null);
        out.add(RowFactory.create(doc, forum, year, m.turnIndex(), words.get(m.turnIndex()), m.name(), observation, m.nameSource(),
            m.organisation(), m.organisationSource(), group,
            m.genderCues().stream().map(c -> c.gender().id() + ":" + c.source()).toArray(String[]::new)));
      }
      return out.iterator();
    };
    return utterances.select("doc_id", "forum", "year", "turn_index", "role", "label_raw", "speaker_name", "title",
        "organisation", "text", "words").groupByKey(byDoc, Encoders.STRING())
        .flatMapGroups(perDocument, Encoders.row(MENTIONS));
  }

  /** Names observed, grouped into blocks of like-sounding surnames, linked to persons. */
  private static Dataset<Row> links(Dataset<Row> mentions, Broadcast<Lookups> shared) {
    Dataset<Row> observations = mentions.filter(col("observation_key").isNotNull())
        .groupBy("observation_key")
        .agg(first("name").as("name"), collect_set("doc_id").as("documents"),
            collect_set("organisation").as("organisations"));
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
          r.<Long>getAs("words"), r.getAs("name"), r.getAs("organisation"), r.getAs("organisation_source"),
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
  private static Dataset<Row> coverage(Dataset<Row> utterances) {
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
