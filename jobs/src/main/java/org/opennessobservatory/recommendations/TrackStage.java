package org.opennessobservatory.recommendations;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stage track: evidence of the CSTD WG 2012 recommendations in documents, and a status per recommendation and year
 * (DESIGN.md §3). Retrieval ({@link Retriever}) and the status rules ({@link StatusRules}) are pure functions; this
 * class wires them: one pass over the documents counts passages and the passage frequency of registry words, a
 * second finds the evidence; statuses are decided from a table of one row per recommendation, year and cue class.
 */
public final class TrackStage {
  private TrackStage() {}

  public static final String EVIDENCE = "recommendation_evidence";
  public static final String STATUS = "recommendation_status";

  /**
   * What is searched: documents of these types and forum levels. By default the global forum's agendas,
   * programmes, session reports, outcomes, transcripts, announcements and other reports (Secretariat reports are
   * "other"); contributions are left out — they ask for measures, they do not report them.
   */
  public record Settings(Set<String> docTypes, Set<String> forumLevels) implements Serializable {
    public static Settings defaults() {
      return new Settings(Set.of("agenda", "programme", "session_report", "outcome", "transcript", "announcement",
          "other"), Set.of("global"));
    }
  }

  private static final StructType HIT = new StructType()
      .add("recommendation_id", DataTypes.StringType, false).add("topic", DataTypes.StringType, false)
      .add("doc_id", DataTypes.StringType, false).add("rel_path", DataTypes.StringType)
      .add("doc_type", DataTypes.StringType).add("forum", DataTypes.StringType)
      .add("year", DataTypes.IntegerType).add("passage", DataTypes.StringType, false)
      .add("start_char", DataTypes.IntegerType, false).add("end_char", DataTypes.IntegerType, false)
      .add("score", DataTypes.DoubleType, false).add("bm25", DataTypes.DoubleType, false)
      .add("phrases", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("cue", DataTypes.StringType).add("cue_class", DataTypes.StringType, false)
      .add("method", DataTypes.StringType, false);

  private static final StructType WINDOW_STATS = new StructType().add("length", DataTypes.IntegerType, false)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);

  static Dataset<Row> eligible(Dataset<Row> documents, Settings settings) {
    return documents.filter(col("text").isNotNull()
            .and(col("doc_type").isin(settings.docTypes().toArray()))
            .and(col("forum_level").isin(settings.forumLevels().toArray())))
        .select("doc_id", "rel_path", "doc_type", "forum", "year", "text");
  }

  /** BM25 statistics over the eligible documents' windows: only counts leave the executors. */
  static Bm25 statistics(Dataset<Row> eligible, Set<String> vocabulary) {
    FlatMapFunction<Row, Row> windows = r -> {
      List<Row> out = new ArrayList<>();
      for (Passages.Passage p : Passages.of(r.getAs("text"))) {
        List<String> terms = Text.terms(p.text());
        out.add(RowFactory.create(terms.size(),
            new TreeSet<>(terms).stream().filter(vocabulary::contains).toArray(String[]::new)));
      }
      return out.iterator();
    };
    Dataset<Row> w = eligible.flatMap(windows, Encoders.row(WINDOW_STATS)).cache();
    try {
      Row totals = w.agg(count(lit(1)), avg("length")).first();
      Map<String, Long> df = new HashMap<>();
      // One row per registry word at most: the vocabulary's size, not the corpus's.
      for (Row r : w.select(explode(col("terms")).as("t")).groupBy("t").count().collectAsList()) {
        df.put(r.getString(0), r.getLong(1));
      }
      return new Bm25(totals.getLong(0), totals.isNullAt(1) ? 0 : totals.getDouble(1), df);
    } finally {
      w.unpersist();
    }
  }

  /** Evidence rows, ranked within recommendation-year by score (then document, offset). */
  public static Dataset<Row> evidence(SparkSession spark, Dataset<Row> documents, RecommendationRegistry registry,
      CueLexicon cues, Settings settings) {
    Dataset<Row> eligible = eligible(documents, settings);
    Bm25 bm25 = statistics(eligible, Retriever.vocabulary(registry));
    Broadcast<Retriever> shared = spark.sparkContext().broadcast(new Retriever(registry, cues, bm25),
        scala.reflect.ClassTag$.MODULE$.apply(Retriever.class));
    FlatMapFunction<Row, Row> search = r -> {
      List<Row> out = new ArrayList<>();
      for (Retriever.Hit h : shared.value().search(r.getAs("text"))) {
        out.add(RowFactory.create(h.recommendationId(), h.topic(), r.getAs("doc_id"), r.getAs("rel_path"),
            r.getAs("doc_type"), r.getAs("forum"), r.getAs("year"), h.passage(), h.start(), h.end(), h.score(),
            h.bm25(), h.phrases().toArray(String[]::new), h.cue(), h.cueClass(), h.method()));
      }
      return out.iterator();
    };
    return eligible.flatMap(search, Encoders.row(HIT))
        .withColumn("rank", row_number().over(Window.partitionBy("recommendation_id", "year")
            .orderBy(desc("score"), col("doc_id"), col("start_char"))))
        .withColumn("rules_version", lit(StatusRules.VERSION + "/" + cues.version()));
  }

  /** The years statuses are given for: those of the eligible documents (a handful of rows). */
  public static List<Integer> years(Dataset<Row> documents, Settings settings) {
    List<Integer> years = new ArrayList<>();
    for (Row r : eligible(documents, settings).select("year").distinct().filter(col("year").isNotNull())
        .collectAsList()) {
      years.add(r.getInt(0));
    }
    return years;
  }

  private static final StructType STATUS_ROW = new StructType()
      .add("recommendation_id", DataTypes.StringType, false).add("topic", DataTypes.StringType, false)
      .add("year", DataTypes.IntegerType, false).add("status", DataTypes.StringType, false)
      .add("rule", DataTypes.StringType, false).add("evidence_count", DataTypes.LongType, false)
      .add("evidence_doc_id", DataTypes.StringType).add("evidence_passage", DataTypes.StringType)
      .add("evidence_score", DataTypes.DoubleType).add("computed_status", DataTypes.StringType, false)
      .add("previous_status", DataTypes.StringType).add("previous_year", DataTypes.IntegerType)
      .add("change", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false).add("evaluator", DataTypes.StringType)
      .add("note", DataTypes.StringType).add("rules_version", DataTypes.StringType, false);

  /**
   * One row per recommendation and year given (the years of the eligible documents), and a row for each override of
   * another year. The evidence is first reduced to one row per recommendation, year and cue class — at most 39 ×
   * years × 4 rows — which the driver decides on.
   */
  public static Dataset<Row> status(SparkSession spark, Dataset<Row> evidence, List<Integer> years,
      RecommendationRegistry registry, CueLexicon cues, Overrides overrides) {
    Map<String, Map<String, StatusRules.ClassEvidence>> perKey = new HashMap<>();
    // Evidence of an undated document (no year from the manifest, the path or the file) stays in the evidence
    // dataset but has no year to give a status to. The strongest passage is the one ranked first (score, then
    // document, then offset): max_by alone would pick any of a tie, and differently from run to run.
    for (Row r : evidence.filter(col("year").isNotNull()).groupBy("recommendation_id", "year", "cue_class")
        .agg(count(lit(1)).as("n"), min_by(struct(col("doc_id"), col("passage"), col("score")),
            struct(negate(col("score")), col("doc_id"), col("start_char"))).as("best")).collectAsList()) {
      Row best = r.getAs("best");
      perKey.computeIfAbsent(Overrides.key(r.getAs("recommendation_id"), r.<Integer>getAs("year")),
              k -> new HashMap<>())
          .put(r.getAs("cue_class"), new StatusRules.ClassEvidence(r.getAs("n"), best.getString(0),
              best.getString(1), best.getDouble(2)));
    }
    return spark.createDataFrame(statusRows(years, registry, cues, overrides, perKey), STATUS_ROW);
  }

  /** The status table from the per-class evidence: a pure function, tested without Spark. */
  static List<Row> statusRows(List<Integer> years, RecommendationRegistry registry, CueLexicon cues,
      Overrides overrides, Map<String, Map<String, StatusRules.ClassEvidence>> perKey) {
    Set<Integer> all = new TreeSet<>(years);
    overrides.byKey().values().forEach(o -> all.add(o.year()));
    List<Row> rows = new ArrayList<>();
    String version = StatusRules.VERSION + "/" + cues.version();
    for (RecommendationRegistry.Recommendation rec : registry.recommendations()) {
      String previous = null;
      Integer previousYear = null;
      for (int year : all) {
        Overrides.Override o = overrides.byKey().get(Overrides.key(rec.id(), year));
        if (o == null && !years.contains(year)) {
          continue; // a year only another recommendation's override names: no evidence was searched there
        }
        StatusRules.Decision d = StatusRules.decide(perKey.getOrDefault(Overrides.key(rec.id(), year), Map.of()));
        String status = o == null ? d.status() : o.status();
        StatusRules.ClassEvidence e = d.strongest();
        rows.add(RowFactory.create(rec.id(), rec.topic(), year, status, o == null ? d.rule() : "E evaluator override",
            d.evidenceCount(), e == null ? null : e.docId(), e == null ? null : e.passage(),
            e == null ? null : e.score(), d.status(), previous, previousYear, StatusRules.change(previous, status),
            o == null ? "computed" : "evaluator", o == null ? null : o.evaluator(), o == null ? null : o.note(),
            version));
        previous = status;
        previousYear = year;
      }
    }
    return rows;
  }
}
