package org.opennessobservatory.mapping;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.influence.Alignment;
import org.opennessobservatory.influence.InfluenceStage;
import org.opennessobservatory.influence.PairAligner;
import org.opennessobservatory.influence.ReuseNgrams;
import org.opennessobservatory.influence.Seeds;
import org.opennessobservatory.schema.Schemas;

/**
 * Stage links: how national, regional and youth forums and the global forum(s) feed each other (DESIGN.md §3,
 * issue 5). Three kinds of link, each a Spark aggregation or a pure function wired into Spark:
 * <ul>
 *   <li>person — a person (utterances.person_id) who speaks in transcripts of both forums;</li>
 *   <li>issue_first — an issue present in both forums, with the first year on each side (issue_mentions);</li>
 *   <li>reuse — a passage of a regional/national/youth outcome or session report found in a later global one, by the
 *       text-reuse machinery of stage influence ({@link Seeds}, {@link Alignment}).</li>
 * </ul>
 * A forum's level is the forum_level most of its documents carry (ties: alphabetical). Pairs: every forum of level
 * regional, national or youth with every forum of level global; forums of level other take no part.
 */
public final class LinksStage {
  private LinksStage() {}

  public static final String FORUM_LINKS = "forum_links";
  public static final List<String> LOCAL_LEVELS = List.of("regional", "national", "youth");
  public static final List<String> REUSE_DOC_TYPES = List.of("outcome", "session_report");

  /**
   * The rules' parameters.
   *
   * @param alignment the text-reuse parameters of stage influence ({@link Alignment.Config#defaults()}), read for
   *     links with the candidate documents (outcomes and session reports of every level taking part) as the process,
   *     and the regional, national and youth ones as its contributions: an n-gram in more than maxDocumentFrequency
   *     candidates is left out of the index, and a passage at least half of whose seeds are n-grams of
   *     boilerplateContributions or more local documents is boilerplate and no link
   * @param minMentions issue matches a forum-year needs for the issue to count as appearing there (1)
   */
  public record Config(Alignment.Config alignment, long minMentions) implements Serializable {
    public static Config defaults() {
      return new Config(Alignment.Config.defaults(), 1);
    }
  }

  /**
   * Which side came first: the forum's first year against the global forum's, regional_first when the forum's is
   * earlier. A side's first year says nothing about the years before the other forum enters the corpus, so an
   * earlier year that precedes the first year of the other forum's record is undetermined (a national forum recorded
   * from 2022 against an IGF recorded from 2006 cannot show that the IGF raised an issue first). Null without both
   * years.
   */
  static Column direction(Column forumYear, Column globalYear, Column forumFrom, Column globalFrom) {
    return when(forumYear.isNull().or(globalYear.isNull()), lit(null).cast(DataTypes.StringType))
        .when(forumYear.lt(globalYear), when(globalFrom.leq(forumYear), lit("regional_first"))
            .otherwise(lit(UNDETERMINED)))
        .when(forumYear.gt(globalYear), when(forumFrom.leq(globalYear), lit("global_first"))
            .otherwise(lit(UNDETERMINED)))
        .otherwise(lit("same_year"));
  }

  static final String UNDETERMINED = "undetermined";

  /** forum → the first year of its record in {@code rows} (turns for persons, documents for issues). */
  private static Dataset<Row> coverage(Dataset<Row> rows) {
    return broadcast(rows.filter(col("year").isNotNull()).groupBy("forum").agg(min("year").as("covered_from")));
  }

  /** The first year of each side's record, for {@link #direction}. */
  private static Dataset<Row> withCoverage(Dataset<Row> linked, Dataset<Row> coverage) {
    return linked
        .join(coverage.select(col("forum").as("fc_forum"), col("covered_from").as("forum_covered_from")),
            col("forum").equalTo(col("fc_forum")), "left")
        .join(coverage.select(col("forum").as("gc_forum"), col("covered_from").as("global_covered_from")),
            col("global_forum").equalTo(col("gc_forum")), "left");
  }

  public static Dataset<Row> links(Dataset<Row> documents, Dataset<Row> utterances, Dataset<Row> speakers,
      Dataset<Row> issueMentions, Config config) {
    Dataset<Row> levels = levels(documents);
    Dataset<Row> local = levels.filter(col("forum_level").isin(LOCAL_LEVELS.toArray()));
    Dataset<Row> global = levels.filter(col("forum_level").equalTo("global")).select(col("forum").as("global_forum"));
    Dataset<Row> pairs = broadcast(local.crossJoin(global));
    return conform(persons(utterances, speakers, pairs))
        .unionByName(conform(issues(issueMentions, documents, pairs, config)))
        .unionByName(conform(reuse(documents, pairs, config)));
  }

  /** forum → forum_level: the level most of its documents carry. One row per forum: small. */
  static Dataset<Row> levels(Dataset<Row> documents) {
    return documents.groupBy("forum", "forum_level").agg(count(lit(1)).as("n"))
        .withColumn("rank", row_number().over(Window.partitionBy("forum").orderBy(col("n").desc(),
            col("forum_level"))))
        .filter(col("rank").equalTo(1)).select("forum", "forum_level");
  }

  /** One side of a link: per key and forum, the first year and the evidence documents of that year. */
  private static Dataset<Row> firstYears(Dataset<Row> rows, String key) {
    Dataset<Row> first = rows.groupBy(key, "forum").agg(min("year").as("first_year"));
    return rows.join(first, new String[] {key, "forum"}).filter(col("year").equalTo(col("first_year")))
        .groupBy(key, "forum", "first_year").agg(sort_array(collect_set("doc_id")).as("docs"));
  }

  static Dataset<Row> persons(Dataset<Row> utterances, Dataset<Row> speakers, Dataset<Row> pairs) {
    Dataset<Row> turns = utterances.filter(col("person_id").isNotNull().and(col("year").isNotNull()))
        .select("person_id", "forum", "year", "doc_id");
    Dataset<Row> firsts = firstYears(turns, "person_id");
    Dataset<Row> g = firsts.select(col("person_id").as("g_person"), col("forum").as("g_forum"),
        col("first_year").as("global_year"), col("docs").as("global_doc_ids"));
    Dataset<Row> linked = firsts.join(pairs, "forum")
        .join(g, col("person_id").equalTo(col("g_person")).and(col("global_forum").equalTo(col("g_forum"))))
        .join(broadcast(speakers.select(col("person_id").as("s_person"), col("display_name"))),
            col("person_id").equalTo(col("s_person")), "left");
    // A person can be seen at a forum only in the years of its transcripts' turns.
    linked = withCoverage(linked, coverage(utterances.select("forum", "year")));
    Map<String, Column> c = new LinkedHashMap<>();
    c.put("link_type", lit("person"));
    c.put("method", lit("person_id"));
    c.put("person_id", col("person_id"));
    c.put("display_name", col("display_name"));
    c.put("forum_year", col("first_year"));
    c.put("global_year", col("global_year"));
    c.put("forum_doc_ids", col("docs"));
    c.put("global_doc_ids", col("global_doc_ids"));
    c.put("key", col("person_id"));
    return common(linked, c);
  }

  static Dataset<Row> issues(Dataset<Row> mentions, Dataset<Row> documents, Dataset<Row> pairs, Config config) {
    // Utterance rows for transcripts, document rows for the other documents: a transcript's words count once.
    Dataset<Row> counted = mentions.filter(col("year").isNotNull().and(col("level").equalTo("utterance")
        .or(col("level").equalTo("document").and(coalesce(col("doc_type"), lit("")).notEqual("transcript")))));
    Dataset<Row> forumYears = counted.groupBy("issue_id", "forum", "year")
        .agg(sum("matches").cast(DataTypes.LongType).as("mentions"), first("issue_label", true).as("issue_label"),
            first("taxonomy_version", true).as("taxonomy_version"),
            sort_array(collect_set("doc_id")).as("docs"))
        .filter(col("mentions").geq(config.minMentions()));
    Dataset<Row> firsts = forumYears.withColumn("rank", row_number().over(
            Window.partitionBy("issue_id", "forum").orderBy(col("year"))))
        .filter(col("rank").equalTo(1)).drop("rank");
    Dataset<Row> g = firsts.select(col("issue_id").as("g_issue"), col("forum").as("g_forum"),
        col("year").as("global_year"), col("mentions").as("global_mentions"), col("docs").as("global_doc_ids"));
    Dataset<Row> linked = withCoverage(firsts.join(pairs, "forum")
        .join(g, col("issue_id").equalTo(col("g_issue")).and(col("global_forum").equalTo(col("g_forum")))),
        coverage(documents.select("forum", "year"))); // any document of a forum can raise an issue
    Map<String, Column> c = new LinkedHashMap<>();
    c.put("link_type", lit("issue_first"));
    c.put("method", lit("issue_mentions"));
    c.put("issue_id", col("issue_id"));
    c.put("issue_label", col("issue_label"));
    c.put("taxonomy_version", col("taxonomy_version"));
    c.put("forum_year", col("year"));
    c.put("global_year", col("global_year"));
    c.put("forum_mentions", col("mentions"));
    c.put("global_mentions", col("global_mentions"));
    c.put("forum_doc_ids", col("docs"));
    c.put("global_doc_ids", col("global_doc_ids"));
    c.put("key", col("issue_id"));
    return common(linked, c);
  }

  private static final StructType POSTING = new StructType().add("process_id", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false).add("doc_type", DataTypes.StringType, false)
      .add("gram", DataTypes.LongType, false).add("idx", DataTypes.IntegerType, false);

  private static final StructType PASSAGE = new StructType().add("source_doc_id", DataTypes.StringType, false)
      .add("target_doc_id", DataTypes.StringType, false).add("source_start", DataTypes.IntegerType, false)
      .add("source_end", DataTypes.IntegerType, false).add("target_start", DataTypes.IntegerType, false)
      .add("target_end", DataTypes.IntegerType, false).add("similarity", DataTypes.DoubleType, false)
      .add("shared_ngrams", DataTypes.LongType, false);

  /**
   * Reuse links through the text-reuse machinery of stage influence: the inverted index of word n-grams over the
   * candidate documents, {@link Seeds} with the local documents in the contributions' place and the global ones in
   * the outcomes', and {@link Alignment} of every pair with enough seeds whose target was published later. Passages
   * flagged boilerplate are no links.
   */
  static Dataset<Row> reuse(Dataset<Row> documents, Dataset<Row> pairs, Config config) {
    Dataset<Row> localForums = pairs.select("forum", "forum_level").distinct();
    Dataset<Row> globalForums = pairs.select("global_forum").distinct();
    Dataset<Row> localNames = localForums.select(col("forum").as("l_forum"));
    Dataset<Row> globalNames = globalForums.select(col("global_forum").as("g_forum"));
    Dataset<Row> candidates = documents.filter(col("doc_type").isin(REUSE_DOC_TYPES.toArray()))
        .join(broadcast(localNames), col("forum").equalTo(col("l_forum")), "left")
        .join(broadcast(globalNames), col("forum").equalTo(col("g_forum")), "left")
        .filter(col("l_forum").isNotNull().or(col("g_forum").isNotNull()))
        .select(col("doc_id"), col("forum"), col("year"),
            coalesce(col("published_on"), col("date")).as("day"),
            when(col("g_forum").isNotNull(), lit(InfluenceStage.OUTCOME))
                .otherwise(lit(InfluenceStage.CONTRIBUTION)).as("role"), col("text"));
    Alignment.Config ac = config.alignment();
    int n = ac.n();
    // One index over every candidate: a local document may be reused by any global one.
    FlatMapFunction<Row, Row> shingle = r -> {
      List<Row> out = new ArrayList<>();
      for (ReuseNgrams.Ngram g : ReuseNgrams.ngrams(r.getAs("text"), n)) {
        out.add(RowFactory.create(FORUM_LINKS, r.getAs("doc_id"), r.getAs("role"), InfluenceStage.hash(g.key()),
            g.index()));
      }
      return out.iterator();
    };
    Dataset<Row> index = candidates.select("doc_id", "role", "text").flatMap(shingle, Encoders.row(POSTING))
        .groupBy("process_id", "gram")
        .agg(functions.collect_list(functions.struct(col("doc_id"), col("doc_type"), col("idx"))).as("postings"));
    int maxDf = ac.maxDocumentFrequency();
    FlatMapFunction<Row, Row> pair = r -> Seeds.of(r.getString(0), r.getLong(1), r.getList(2), maxDf, false)
        .iterator();
    // Published later: by day when both documents have one (published_on, else date), else by year. Whether a pair
    // is a link depends on its own seeds alone, so the seeds of the other pairs (about half) are dropped where they
    // are made, before the shuffle that groups seeds by pair.
    Column later = when(col("s_day").isNotNull().and(col("t_day").isNotNull()), col("t_day").gt(col("s_day")))
        .otherwise(col("t_year").gt(col("s_year")));
    Dataset<Row> seeds = index.flatMap(pair, Encoders.row(Seeds.SEED))
        .join(broadcast(candidates.select(col("doc_id").as("s_doc"), col("year").as("s_year"),
            col("day").as("s_day"))), col("source_doc_id").equalTo(col("s_doc")))
        .join(broadcast(candidates.select(col("doc_id").as("t_doc"), col("year").as("t_year"),
            col("day").as("t_day"))), col("target_doc_id").equalTo(col("t_doc")))
        .filter(coalesce(later, lit(false)));
    Dataset<Row> seeded = PairAligner.candidatePairs(seeds, ac.minSeeds(), "source_doc_id", "target_doc_id");
    Dataset<Row> aligned = seeded
        .join(candidates.select(col("doc_id").as("s_doc"), col("text").as("s_text")),
            col("source_doc_id").equalTo(col("s_doc")))
        .join(candidates.select(col("doc_id").as("t_doc"), col("text").as("t_text")),
            col("target_doc_id").equalTo(col("t_doc")));
    PairAligner.PassageRow row = (r, p) -> p.boilerplate() ? null : RowFactory.create(r.getAs("source_doc_id"),
        r.getAs("target_doc_id"), p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd(), p.similarity(),
        (long) p.seeds());
    Dataset<Row> passages = aligned.select("source_doc_id", "target_doc_id", "seeds", "s_text", "t_text")
        .mapPartitions(PairAligner.aligner(ac, row), Encoders.row(PASSAGE));
    UserDefinedFunction cut = functions.udf((UDF3<String, Integer, Integer, String>) (text, from, to) ->
        text == null ? null : text.substring(from, to), DataTypes.StringType);
    Dataset<Row> sources = candidates.filter(col("role").equalTo(InfluenceStage.CONTRIBUTION))
        .select(col("doc_id").as("src_doc"), col("forum"), col("year").as("forum_year"), col("text"));
    Dataset<Row> targets = broadcast(candidates.filter(col("role").equalTo(InfluenceStage.OUTCOME))
        .select(col("doc_id").as("tgt_doc"), col("forum").as("global_forum"), col("year").as("global_year")));
    Dataset<Row> linked = passages.join(sources, col("source_doc_id").equalTo(col("src_doc")))
        .join(targets, col("target_doc_id").equalTo(col("tgt_doc")))
        .join(localForums, "forum");
    Map<String, Column> c = new LinkedHashMap<>();
    c.put("link_type", lit("reuse"));
    c.put("method", lit("text_reuse"));
    c.put("forum_year", col("forum_year"));
    c.put("global_year", col("global_year"));
    for (String name : List.of("source_doc_id", "target_doc_id", "source_start", "source_end", "target_start",
        "target_end", "similarity", "shared_ngrams")) {
      c.put(name, col(name));
    }
    c.put("passage", cut.apply(col("text"), col("source_start"), col("source_end")));
    c.put("forum_doc_ids", functions.array(col("source_doc_id")));
    c.put("global_doc_ids", functions.array(col("target_doc_id")));
    c.put("key", concat_ws("|", col("source_doc_id"), col("target_doc_id"), col("source_start"), col("source_end"),
        col("target_start"), col("target_end")));
    c.put("year", col("global_year"));
    return common(linked, c);
  }

  /** The pair's columns, the link's own, the id, direction and year; "key" identifies the link within its pair. */
  private static Dataset<Row> common(Dataset<Row> linked, Map<String, Column> own) {
    List<Column> cols = new ArrayList<>();
    cols.add(col("forum"));
    cols.add(col("forum_level"));
    cols.add(col("global_forum"));
    Column key = own.get("key");
    for (Map.Entry<String, Column> e : own.entrySet()) {
      if (!e.getKey().equals("key") && !e.getKey().equals("year")) {
        cols.add(e.getValue().as(e.getKey()));
      }
    }
    Column type = own.get("link_type");
    cols.add(substring(sha2(concat_ws("|", type, col("forum"), col("global_forum"), key), 256), 1, 32)
        .as("link_id"));
    Column fy = own.get("forum_year");
    Column gy = own.get("global_year");
    boolean isReuse = own.containsKey("year");
    if (!isReuse) {
      cols.add(col("forum_covered_from"));
      cols.add(col("global_covered_from"));
    }
    cols.add((isReuse ? lit(null).cast(DataTypes.StringType)
        : direction(fy, gy, col("forum_covered_from"), col("global_covered_from"))).as("direction"));
    cols.add((isReuse ? own.get("year") : greatest(fy, gy)).as("year"));
    return linked.select(cols.toArray(Column[]::new));
  }

  /** Every column of the schema, in its order, with typed nulls for the columns a link type does not have. */
  private static Dataset<Row> conform(Dataset<Row> rows) {
    StructType schema = Schemas.load(FORUM_LINKS);
    List<String> have = List.of(rows.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column c = have.contains(f.name()) ? col(f.name()).cast(f.dataType()) : lit(null).cast(f.dataType());
      cols.add(c.as(f.name()));
    }
    return rows.select(cols.toArray(Column[]::new));
  }
}
