package org.opennessobservatory.report;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.indicators.Tally;
import org.opennessobservatory.io.RunManifest;
import org.opennessobservatory.report.ReportInputs.CriterionRow;
import org.opennessobservatory.report.ReportInputs.Evidence;
import org.opennessobservatory.report.ReportInputs.ForumYearRow;
import org.opennessobservatory.report.ReportInputs.IndexRow;
import org.opennessobservatory.report.ReportInputs.InfluenceRow;
import org.opennessobservatory.report.ReportInputs.Source;
import org.opennessobservatory.report.ReportInputs.StatusCell;
import org.opennessobservatory.schema.Schemas;

/**
 * Reads what the report shows from a run's output root. Only aggregates come to the driver: rows per forum-year,
 * per recommendation and year, per outcome and group, per criterion with at most {@link #EVIDENCE_LISTED} evidence
 * documents each, and the titles of those documents — never texts, turns or passages.
 */
public final class ReportReader {
  private ReportReader() {}

  /** Evidence documents listed per criterion: a criterion read from every transcript of the IGF cites hundreds. */
  public static final int EVIDENCE_LISTED = 10;

  public static final List<String> DATASETS = List.of("documents", "openness_index", "openness_criteria",
      "forum_year_indicators", "recommendation_status", "influence_by_group");

  /** @param run the run manifest when the caller holds it; null to read the output root's _run.json, if any */
  public static ReportInputs read(SparkSession spark, String outRoot, Map<String, Object> run) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, Dataset<Row>> data = new HashMap<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    for (String name : DATASETS) {
      Path path = new Path(outRoot, name);
      if (exists(path, conf)) {
        data.put(name, spark.read().schema(Schemas.load(name)).parquet(path.toString()));
      }
    }
    Dataset<Row> titles = data.containsKey("documents") ? data.get("documents").select("doc_id", "title") : null;
    ReportInputs in = new ReportInputs(sources, index(data.get("openness_index")),
        forumYears(data.get("forum_year_indicators")), statuses(data.get("recommendation_status"), titles),
        influence(data.get("influence_by_group"), titles), criteria(data.get("openness_criteria"), titles),
        run != null ? run : manifest(outRoot, conf));
    // Every charted dataset is read whole (its rows are per forum-year or per outcome), so its rows are counted here.
    source(sources, data, "openness_index", in.index().size());
    source(sources, data, "forum_year_indicators", in.forumYears().size());
    source(sources, data, "recommendation_status", in.statuses().size());
    source(sources, data, "influence_by_group", in.influence().size());
    source(sources, data, "openness_criteria", in.criteria().size());
    return in;
  }

  private static void source(Map<String, Source> sources, Map<String, Dataset<Row>> data, String name, int rows) {
    sources.put(name, new Source(name, data.containsKey(name), rows));
  }

  private static List<IndexRow> index(Dataset<Row> ds) {
    List<IndexRow> rows = new ArrayList<>();
    if (ds == null) {
      return rows;
    }
    for (Row r : ds.orderBy("forum", "year").collectAsList()) {
      Map<String, Double> principles = new LinkedHashMap<>();
      Charts.PRINCIPLES.keySet().forEach(p -> principles.put(p, r.getAs(p)));
      rows.add(new IndexRow(r.getAs("forum"), r.<Integer>getAs("year"), r.getAs("overall"), r.getAs("coverage"),
          principles));
    }
    return rows;
  }

  private static List<ForumYearRow> forumYears(Dataset<Row> ds) {
    List<ForumYearRow> rows = new ArrayList<>();
    if (ds == null) {
      return rows;
    }
    for (Row r : ds.orderBy("forum", "year").collectAsList()) {
      Map<String, Double> shares = new LinkedHashMap<>();
      Tally.GROUPS.forEach(g -> shares.put(g, r.getAs("word_share_" + g)));
      rows.add(new ForumYearRow(r.getAs("forum"), r.<Integer>getAs("year"), shares, r.getAs("women_word_share"),
          r.getAs("women_speaker_share"), r.getAs("gender_coverage"), r.getAs("women_presence_share"),
          r.getAs("women_presence_population"), r.getAs("gini_words"), r.getAs("speakers")));
    }
    return rows;
  }

  private static List<StatusCell> statuses(Dataset<Row> ds, Dataset<Row> titles) {
    List<StatusCell> cells = new ArrayList<>();
    if (ds == null) {
      return cells;
    }
    Dataset<Row> withTitles = titles == null ? ds.withColumn("title", org.apache.spark.sql.functions.lit(null))
        : ds.join(titles, ds.col("evidence_doc_id").equalTo(titles.col("doc_id")), "left");
    for (Row r : withTitles.select("recommendation_id", "topic", "year", "status", "rule", "source",
        "evidence_doc_id", "title").collectAsList()) {
      cells.add(new StatusCell(r.getString(0), r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
          r.getString(5), r.getString(6), r.getString(7)));
    }
    return cells;
  }

  private static List<InfluenceRow> influence(Dataset<Row> ds, Dataset<Row> titles) {
    List<InfluenceRow> rows = new ArrayList<>();
    if (ds == null) {
      return rows;
    }
    Dataset<Row> withTitles = titles == null ? ds.withColumn("title", org.apache.spark.sql.functions.lit(null))
        : ds.join(titles, ds.col("outcome_doc_id").equalTo(titles.col("doc_id")), "left");
    for (Row r : withTitles.orderBy("forum", "year", "title", "outcome_doc_id", "stakeholder_group")
        .select("outcome_doc_id", "title", "forum", "year", "stakeholder_group", "share", "normalised_share",
            "passages").collectAsList()) {
      rows.add(new InfluenceRow(r.getString(0), r.getString(1), r.getString(2), r.isNullAt(3) ? null : r.getInt(3),
          r.getString(4), r.getDouble(5), r.getDouble(6), r.getLong(7)));
    }
    return rows;
  }

  private static List<CriterionRow> criteria(Dataset<Row> ds, Dataset<Row> titles) {
    List<CriterionRow> rows = new ArrayList<>();
    if (ds == null) {
      return rows;
    }
    // The first EVIDENCE_LISTED ids in id order: a stable choice that needs no join over every evidence id.
    Dataset<Row> listed = ds.select(col("forum"), col("year"), col("criterion_id"), col("principle"), col("label"),
        col("score"), col("weight"), size(col("evidence_doc_ids")).as("evidence_documents"),
        slice(array_sort(col("evidence_doc_ids")), 1, EVIDENCE_LISTED).as("listed"))
        .orderBy("forum", "year", "principle", "criterion_id");
    List<Row> collected = listed.collectAsList();
    Map<String, String> title = new HashMap<>();
    if (titles != null) {
      Dataset<Row> ids = listed.select(explode(col("listed")).as("doc_id")).distinct();
      titles.join(ids, "doc_id").collectAsList().forEach(r -> title.put(r.getString(0), r.getString(1)));
    }
    for (Row r : collected) {
      List<Evidence> evidence = r.<String>getList(8).stream()
          .map(id -> new Evidence(id, title.getOrDefault(id, "(not in documents)"))).toList();
      rows.add(new CriterionRow(r.getString(0), r.isNullAt(1) ? null : r.getInt(1), r.getString(2), r.getString(3), r.getString(4),
          r.isNullAt(5) ? null : r.getDouble(5), r.getDouble(6), evidence, r.getInt(7)));
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> manifest(String outRoot, Configuration conf) {
    Path file = new Path(outRoot, RunManifest.FILE);
    if (!exists(file, conf)) {
      return null;
    }
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return new ObjectMapper().readValue(in, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static boolean exists(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
