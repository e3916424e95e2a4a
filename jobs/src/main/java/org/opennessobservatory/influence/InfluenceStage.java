package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Stage influence (DESIGN.md §3, issue 6): passages of public contributions found again in the outcome of their
 * process, per stakeholder group, and contributions that reuse each other.
 *
 * <p>Method. (1) A process is {@code extra['process_id']} when the manifest gives one, else forum/year. (2) Every
 * contribution and outcome is cut into word n-grams ({@link ReuseNgrams}, n = 5); the inverted index n-gram →
 * documents is built per process, and an n-gram is kept when it occurs in 2 to {@code maxDocumentFrequency}
 * documents of its process, and only its first occurrences in each document seed ({@link Seeds}) — so the seeds one
 * n-gram yields are bounded by (maxDocumentFrequency × Seeds.MAX_OCCURRENCES)², never all pairs of documents. (3) A
 * candidate pair — contribution → outcome of the same process, or contribution → contribution — needs
 * {@code minSeeds} distinct shared kept n-grams; contribution → outcome pairs also pass the {@link DateRule}.
 * (4) Each candidate pair is aligned by {@link Alignment} into passages with offsets on both sides, a similarity and
 * a boilerplate flag. (5) {@code influence_by_group} weighs boilerplate passages down to zero: their characters are
 * not attributed to any group. (6) {@code reuse_clusters}: connected components of the graph whose edges are
 * contribution pairs sharing at least {@code clusterMinChars} characters of non-boilerplate passages, and at least
 * {@code clusterMinShare} of the shorter one's text.
 */
public final class InfluenceStage {
  private InfluenceStage() {}

  public static final String PASSAGES = "influence_passages";
  public static final String BY_GROUP = "influence_by_group";
  public static final String CLUSTERS = "reuse_clusters";
  public static final String CONTRIBUTION = "contribution";
  public static final String OUTCOME = "outcome";

  /**
   * @param alignment n-gram, index and alignment parameters
   * @param clusterMinChars characters of non-boilerplate passages (summed over the pair, source side) two
   *     contributions must share to be linked in a reuse cluster (200)
   * @param clusterMinShare the same characters as a share of the shorter contribution's text (0.2): a common
   *     quotation of a few hundred characters in two long contributions does not link them; co-signed or coordinated
   *     texts, which share much of their text, do
   */
  public record Config(Alignment.Config alignment, int clusterMinChars, double clusterMinShare)
      implements Serializable {
    public static Config defaults() {
      return new Config(Alignment.Config.defaults(), 200, 0.2);
    }
  }

  /**
   * The stage's outputs, plus the candidate pairs it aligned (for the pairs-examined count) and, in an incremental
   * run, the entries for the memo ({@link ProcessAlignments}; null otherwise). The stage's inputs ({@link #inputs}),
   * the candidate pairs and the aligned passages every output derives from are persisted, so that counting and
   * writing the outputs read, index and align once; {@link #release()} frees them when the outputs are written.
   */
  public record Result(Dataset<Row> passages, Dataset<Row> byGroup, Dataset<Row> clusters, Dataset<Row> pairs,
      Dataset<Row> contributionPassages, Dataset<Row> memoEntries, List<Dataset<Row>> persisted) {
    public void release() {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private static final StructType POSTING = new StructType().add("process_id", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false).add("doc_type", DataTypes.StringType, false)
      .add("gram", DataTypes.LongType, false).add("idx", DataTypes.IntegerType, false);

  private static final StructType ALIGNED = new StructType().add("source_doc_id", DataTypes.StringType, false)
      .add("target_doc_id", DataTypes.StringType, false).add("source_start", DataTypes.IntegerType, false)
      .add("source_end", DataTypes.IntegerType, false).add("target_start", DataTypes.IntegerType, false)
      .add("target_end", DataTypes.IntegerType, false).add("similarity", DataTypes.DoubleType, false)
      .add("boilerplate", DataTypes.BooleanType, false).add("seeds", DataTypes.IntegerType, false)
      .add("aligned_words", DataTypes.IntegerType, false);

  /**
   * contributions and outcomes with the columns the stage uses. {@link #run} persists them (and an incremental
   * InfluenceJob before, to fingerprint them): the stage reads them six times or more, and each read of the
   * documents' files would read every document's text (transcripts included) to keep these few.
   */
  static Dataset<Row> inputs(Dataset<Row> documents) {
    Column process = coalesce(col("extra").getItem("process_id"),
        concat_ws("/", col("forum"), coalesce(col("year").cast(DataTypes.StringType), lit("unknown"))));
    return documents.filter(col("doc_type").isin(CONTRIBUTION, OUTCOME))
        .select(col("doc_id"), col("doc_type"), col("forum"), col("year"), process.as("process_id"),
            coalesce(col("published_on"), col("date")).as("day"),
            coalesce(col("author_stakeholder_group"), lit("unknown")).as("stakeholder_group"),
            coalesce(col("author_organisation"), col("author"), col("doc_id")).as("contributor"), col("text"));
  }

  /** 64-bit FNV-1a of an n-gram's normalised words: collisions are negligible at the index's sizes. */
  public static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }

  public static Result run(Dataset<Row> documents, Config config) {
    Dataset<Row> docs = inputs(documents).persist(StorageLevel.MEMORY_AND_DISK());
    Aligned a = align(docs, config);
    Dataset<Row> all = a.all().persist(StorageLevel.MEMORY_AND_DISK());
    return outputs(docs, a.pairs(), all, null, config, List.of(docs, a.candidates(), all));
  }

  /**
   * The stage in an incremental run: the per-process work — index, candidate pairs, alignment ({@link #align}) — of
   * every process whose inputs an earlier run saw unchanged is taken from the memo, the rest is computed; the
   * result's {@code memoEntries} are this run's entries for the memo.
   *
   * @param inputs the stage's inputs ({@link #inputs}) of the processes to run
   * @param stored the memo's entries from earlier runs ({@link ProcessAlignments}), or null
   * @param memoConfig the memo's config ({@link ProcessAlignments#memoConfig})
   */
  static Result run(Dataset<Row> inputs, Config config, Dataset<Row> stored, String memoConfig) {
    Dataset<Row> docs = inputs.persist(StorageLevel.MEMORY_AND_DISK());
    ProcessAlignments.Processes r = ProcessAlignments.of(docs, config, stored, memoConfig);
    Dataset<Row> all = r.all().persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> persisted = new ArrayList<>(r.persisted());
    persisted.add(docs);
    persisted.add(all);
    return outputs(docs, r.pairs(), all, r.entries(), config, persisted);
  }

  /**
   * The per-process work: the candidate pairs with their seeds (persisted: the alignment reads them, and the pairs
   * are counted) and every aligned passage with its pair's facts ({@link #ALIGNED}, then m_source, m_target,
   * target_type, process_id, forum, year, stakeholder_group, date_basis). Each process is aligned from its own
   * documents alone.
   */
  record Aligned(Dataset<Row> candidates, Dataset<Row> all) {
    /** The candidate pairs as {@link Result#pairs} gives them. */
    Dataset<Row> pairs() {
      return candidates.select("process_id", "source_doc_id", "target_doc_id", "target_type", "shared_ngrams");
    }
  }

  static Aligned align(Dataset<Row> docs, Config config) {
    Alignment.Config ac = config.alignment();
    int n = ac.n();
    FlatMapFunction<Row, Row> shingle = r -> {
      List<Row> out = new ArrayList<>();
      for (ReuseNgrams.Ngram g : ReuseNgrams.ngrams(r.getAs("text"), n)) {
        out.add(RowFactory.create(r.getAs("process_id"), r.getAs("doc_id"), r.getAs("doc_type"), hash(g.key()),
            g.index()));
      }
      return out.iterator();
    };
    Dataset<Row> postings = docs.select("process_id", "doc_id", "doc_type", "text")
        .flatMap(shingle, Encoders.row(POSTING));
    // The inverted index: one shuffle of the postings by n-gram; the seed pairs of an n-gram are made within its
    // group, so no self-join of the postings is needed.
    Dataset<Row> index = postings.groupBy("process_id", "gram")
        .agg(collect_list(struct(col("doc_id"), col("doc_type"), col("idx"))).as("postings"));
    int maxDf = ac.maxDocumentFrequency();
    FlatMapFunction<Row, Row> pair = r -> Seeds.of(r.getString(0), r.getLong(1), r.getList(2), maxDf, true)
        .iterator();
    Dataset<Row> seeds = index.flatMap(pair, Encoders.row(Seeds.SEED));
    Dataset<Row> candidates = PairAligner.candidatePairs(seeds, ac.minSeeds(), "process_id", "source_doc_id",
        "target_doc_id", "target_type").persist(StorageLevel.MEMORY_AND_DISK());
    UserDefinedFunction basis = functions.udf((UDF4<java.sql.Date, Integer, java.sql.Date, Integer, String>)
        (cd, cy, od, oy) -> DateRule.basis(cd == null ? null : cd.toLocalDate(), cy,
            od == null ? null : od.toLocalDate(), oy), DataTypes.StringType);
    Dataset<Row> sm = docs.select(col("doc_id").as("s_doc"), col("day").as("s_day"), col("year").as("s_year"),
        col("stakeholder_group"), col("contributor"), col("text").as("s_text"));
    // A passage lies in the outcome's forum-year (its schema), which is a contribution's only where the process is
    // within one forum-year.
    Dataset<Row> tm = docs.select(col("doc_id").as("t_doc"), col("day").as("t_day"), col("year").as("t_year"),
        col("forum").as("t_forum"), col("text").as("t_text"));
    Dataset<Row> pairs = candidates.join(sm, col("source_doc_id").equalTo(col("s_doc")))
        .join(tm, col("target_doc_id").equalTo(col("t_doc")))
        .withColumn("date_basis", when(col("target_type").equalTo(OUTCOME),
            basis.apply(col("s_day"), col("s_year"), col("t_day"), col("t_year"))).otherwise(lit("none")))
        .filter(col("date_basis").isNotNull());
    PairAligner.PassageRow row = (r, p) -> RowFactory.create(r.getAs("source_doc_id"), r.getAs("target_doc_id"),
        p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd(), p.similarity(), p.boilerplate(), p.seeds(),
        p.targetWordEnd() - p.targetWordStart());
    Dataset<Row> aligned = pairs.select("source_doc_id", "target_doc_id", "seeds", "s_text", "t_text")
        .mapPartitions(PairAligner.aligner(ac, row), Encoders.row(ALIGNED));
    Dataset<Row> meta = pairs.select(col("source_doc_id").as("m_source"), col("target_doc_id").as("m_target"),
        col("target_type"), col("process_id"), col("t_forum").as("forum"), col("t_year").as("year"),
        col("stakeholder_group"), col("date_basis"));
    Dataset<Row> all = aligned.join(meta, col("source_doc_id").equalTo(col("m_source"))
        .and(col("target_doc_id").equalTo(col("m_target"))));
    return new Aligned(candidates, all);
  }

  /** The three outputs from the candidate pairs and the aligned passages of every process. */
  private static Result outputs(Dataset<Row> docs, Dataset<Row> pairs, Dataset<Row> all, Dataset<Row> memoEntries,
      Config config, List<Dataset<Row>> persisted) {
    Dataset<Row> passages = all.filter(col("target_type").equalTo(OUTCOME)).select(
        substring(sha2(concat_ws("|", col("target_doc_id"), col("target_start"), col("target_end"),
            col("source_doc_id"), col("source_start"), col("source_end")), 256), 1, 32).as("passage_id"),
        col("process_id"), col("target_doc_id").as("outcome_doc_id"), col("target_start").as("outcome_start"),
        col("target_end").as("outcome_end"), col("source_doc_id"), col("stakeholder_group"),
        col("source_start"), col("source_end"), col("target_end").minus(col("target_start")).as("aligned_chars"),
        col("aligned_words"), col("similarity"), col("seeds").as("shared_ngrams"), col("boilerplate"),
        col("date_basis"), col("forum"), col("year"));
    Dataset<Row> cc = all.filter(col("target_type").equalTo(CONTRIBUTION));
    return new Result(passages, byGroup(docs, passages),
        clusters(docs, cc, config.clusterMinChars(), config.clusterMinShare()), pairs, cc, memoEntries, persisted);
  }

  private static final StructType COVERED = new StructType().add("outcome_doc_id", DataTypes.StringType, false)
      .add("stakeholder_group", DataTypes.StringType, false).add("covered_chars", DataTypes.LongType, false)
      .add("shared_chars", DataTypes.LongType, false);

  static Dataset<Row> byGroup(Dataset<Row> docs, Dataset<Row> passages) {
    Dataset<Row> outcomes = docs.filter(col("doc_type").equalTo(OUTCOME)).select(col("doc_id").as("outcome_doc_id"),
        col("process_id"), col("day").as("o_day"), col("year").as("o_year"), col("forum"), col("year"),
        utf16Length(col("text")).as("outcome_chars"));
    Dataset<Row> contributions = docs.filter(col("doc_type").equalTo(CONTRIBUTION)).select(col("doc_id").as("c_doc"),
        col("process_id").as("c_process"), col("day").as("c_day"), col("year").as("c_year"),
        col("stakeholder_group"), col("contributor"));
    UserDefinedFunction basis = functions.udf((UDF4<java.sql.Date, Integer, java.sql.Date, Integer, String>)
        (cd, cy, od, oy) -> DateRule.basis(cd == null ? null : cd.toLocalDate(), cy,
            od == null ? null : od.toLocalDate(), oy), DataTypes.StringType);
    Dataset<Row> eligible = outcomes.join(contributions, col("process_id").equalTo(col("c_process")))
        .filter(basis.apply(col("c_day"), col("c_year"), col("o_day"), col("o_year")).isNotNull());
    Dataset<Row> perGroup = eligible.groupBy("outcome_doc_id", "stakeholder_group")
        .agg(countDistinct("c_doc").as("contributions"), countDistinct("contributor").as("contributors"));
    Dataset<Row> perOutcome = eligible.groupBy(col("outcome_doc_id").as("t_outcome"))
        .agg(countDistinct("c_doc").as("all_contributions"));
    Dataset<Row> counted = passages.filter(col("boilerplate").equalTo(false));
    Dataset<Row> reused = counted.groupBy(col("outcome_doc_id").as("r_outcome"), col("stakeholder_group").as("r_group"))
        .agg(countDistinct("source_doc_id").as("reused_contributions"), count(lit(1)).as("passages"));
    MapFunction<Row, String> byOutcome = r -> r.getAs("outcome_doc_id");
    FlatMapGroupsFunction<String, Row, Row> cover = (outcome, rows) -> {
      List<Coverage.Span> spans = new ArrayList<>();
      rows.forEachRemaining(r -> spans.add(new Coverage.Span(r.getAs("stakeholder_group"),
          r.<Integer>getAs("outcome_start"), r.<Integer>getAs("outcome_end"))));
      List<Row> out = new ArrayList<>();
      for (Map.Entry<String, Coverage.GroupChars> e : Coverage.byGroup(spans).entrySet()) {
        out.add(RowFactory.create(outcome, e.getKey(), e.getValue().chars(), e.getValue().sharedChars()));
      }
      return out.iterator();
    };
    Dataset<Row> covered = counted.select("outcome_doc_id", "stakeholder_group", "outcome_start", "outcome_end")
        .groupByKey(byOutcome, Encoders.STRING()).flatMapGroups(cover, Encoders.row(COVERED))
        .select(col("outcome_doc_id").as("v_outcome"), col("stakeholder_group").as("v_group"), col("covered_chars"),
            col("shared_chars"));
    Dataset<Row> rows = perGroup.join(outcomes, "outcome_doc_id")
        .join(perOutcome, col("outcome_doc_id").equalTo(col("t_outcome")))
        .join(covered, col("outcome_doc_id").equalTo(col("v_outcome"))
            .and(col("stakeholder_group").equalTo(col("v_group"))), "left")
        .join(reused, col("outcome_doc_id").equalTo(col("r_outcome"))
            .and(col("stakeholder_group").equalTo(col("r_group"))), "left");
    Column chars = coalesce(col("covered_chars"), lit(0L));
    Column shared = coalesce(col("shared_chars"), lit(0L));
    Column share = when(col("outcome_chars").gt(0), chars.divide(col("outcome_chars"))).otherwise(lit(0.0));
    Column groupShare = col("contributions").divide(col("all_contributions"));
    return rows.select(col("outcome_doc_id"), col("process_id"), col("stakeholder_group"), col("outcome_chars"),
        chars.as("attributed_chars"), share.as("share"), shared.as("shared_chars"),
        when(col("outcome_chars").gt(0), shared.divide(col("outcome_chars"))).otherwise(lit(0.0)).as("shared_share"),
        col("contributions"), col("contributors"),
        coalesce(col("reused_contributions"), lit(0L)).as("reused_contributions"),
        coalesce(col("passages"), lit(0L)).as("passages"), groupShare.as("contribution_share"),
        share.divide(groupShare).as("normalised_share"), col("forum"), col("year"));
  }

  private static final StructType COMPONENT = new StructType().add("c_process", DataTypes.StringType, false)
      .add("label", DataTypes.StringType, false).add("node", DataTypes.StringType, false)
      .add("links", DataTypes.LongType, false).add("shared_chars", DataTypes.LongType, false);

  static Dataset<Row> clusters(Dataset<Row> docs, Dataset<Row> cc, int minChars, double minShare) {
    Dataset<Row> edges = cc.filter(col("boilerplate").equalTo(false))
        .groupBy("process_id", "source_doc_id", "target_doc_id")
        .agg(sum(col("source_end").minus(col("source_start"))).as("chars"))
        .join(docs.select(col("doc_id").as("la"), utf16Length(col("text")).as("len_a")),
            col("source_doc_id").equalTo(col("la")))
        .join(docs.select(col("doc_id").as("lb"), utf16Length(col("text")).as("len_b")),
            col("target_doc_id").equalTo(col("lb")))
        .filter(col("chars").geq(minChars).and(col("chars").geq(least(col("len_a"), col("len_b")).multiply(minShare))))
        .select(col("process_id"), col("source_doc_id"), col("target_doc_id"), col("chars"));
    // Edges never cross processes: each process's components are found in one group (Components), one row per
    // member with its component's label and edge totals.
    MapFunction<Row, String> byProcess = r -> r.getAs("process_id");
    FlatMapGroupsFunction<String, Row, Row> components = (process, rows) -> {
      List<Components.Edge> es = new ArrayList<>();
      rows.forEachRemaining(r -> es.add(new Components.Edge(r.getAs("source_doc_id"), r.getAs("target_doc_id"),
          r.<Long>getAs("chars"))));
      List<Row> out = new ArrayList<>();
      for (Components.Component c : Components.of(es)) {
        for (String m : c.members()) {
          out.add(RowFactory.create(process, c.label(), m, c.links(), c.sharedChars()));
        }
      }
      return out.iterator();
    };
    Dataset<Row> members = edges.groupByKey(byProcess, Encoders.STRING()).flatMapGroups(components,
            Encoders.row(COMPONENT))
        .join(docs.select(col("doc_id"), col("stakeholder_group"), col("contributor"), col("process_id"),
            col("forum"), col("year")),
            col("node").equalTo(col("doc_id")).and(col("c_process").equalTo(col("process_id"))));
    // links and shared_chars are the component's: the same on each of its members' rows. A cluster lies in the
    // forum-year of its earliest member (members without a year last, then by forum): one row, also where its
    // members span years or forums.
    return members.groupBy("label", "process_id", "links", "shared_chars")
        .agg(sort_array(collect_list(struct(col("doc_id"), col("stakeholder_group"), col("contributor")))).as("m"),
            count(lit(1)).as("size"), min(struct(col("year").isNull().as("no_year"), col("year").as("y"),
                col("forum").as("f"))).as("first"))
        .select(substring(sha2(concat_ws("|", col("m.doc_id")), 256), 1, 32).as("cluster_id"), col("process_id"),
            col("size"), col("m.doc_id").as("member_doc_ids"), col("m.stakeholder_group").as("member_groups"),
            col("m.contributor").as("member_contributors"),
            sort_array(functions.array_distinct(col("m.stakeholder_group"))).as("stakeholder_groups"),
            col("links"), col("shared_chars"), col("first.f").as("forum"), col("first.y").as("year"));
  }

  /**
   * A text's length in UTF-16 code units, the unit of the passages' offsets ({@code String} indexes); Spark's
   * {@code length} counts code points, one fewer for each character beyond the Basic Multilingual Plane (an emoji).
   */
  static Column utf16Length(Column text) {
    return octet_length(encode(text, "UTF-16LE")).divide(2).cast(DataTypes.LongType);
  }

}
