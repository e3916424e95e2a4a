package org.opennessobservatory.openness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.schema.Schemas;

/**
 * Stage score (DESIGN.md §3): each forum-year of {@code forum_year_indicators} scored against a rubric by
 * {@link Scorer}, with the documents of the forum-year that each criterion's indicators are computed from as its
 * evidence ({@link EvidenceTypes}); then, across forum-years, the rank within the year and the change since the
 * forum's previous year. Spark only wires the pure scorer in: one row in, one scorecard out.
 */
public final class ScoreStage {
  private ScoreStage() {}

  public static final String INDICATORS = "forum_year_indicators";
  public static final String DOCUMENTS = "documents";
  public static final String CRITERIA = "openness_criteria";
  public static final String INDEX = "openness_index";

  /** Overall scores equal to this many decimals share a rank, so that floating-point noise does not break a tie. */
  static final int RANK_DECIMALS = 6;

  /** The two datasets of the stage, with the schemas of {@code schemas/openness_*.json}. */
  public record Scores(Dataset<Row> criteria, Dataset<Row> index) {}

  /** The ids of the criteria a forum-year was assessed on, in the rubric's order: compared across years, not kept. */
  private static final String ASSESSED = "assessed_criteria";

  /** The index before the columns that compare forum-years (rank, change, previous_year, change_same_criteria). */
  private static final StructType SCORED;

  static {
    StructType t = new StructType().add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType,
        false);
    for (Principle p : Principle.values()) {
      t = t.add(p.id(), DataTypes.DoubleType).add(p.id() + "_coverage", DataTypes.DoubleType);
    }
    SCORED = t.add("overall", DataTypes.DoubleType).add("coverage", DataTypes.DoubleType, false)
        .add("rubric_version", DataTypes.StringType, false).add(ASSESSED, DataTypes.StringType, false);
  }

  /**
   * @param indicators {@code forum_year_indicators}: forum, year and (at least) every column the rubric reads
   * @param documents {@code documents}: forum, year, doc_type, doc_id, session_id
   * @throws UserException when a column the rubric reads is missing, not a number or boolean, or a boolean read by a
   *     numeric rule — before any Spark job runs
   */
  public static Scores score(SparkSession spark, Dataset<Row> indicators, Dataset<Row> documents, Rubric rubric) {
    List<String> read = indicatorsRead(rubric);
    check(indicators.schema(), rubric);
    Broadcast<Rubric> shared = spark.sparkContext().broadcast(rubric,
        scala.reflect.ClassTag$.MODULE$.apply(Rubric.class));

    List<Column> columns = new ArrayList<>(List.of(col("forum"), col("year").cast(DataTypes.IntegerType).as("year")));
    read.forEach(name -> columns.add(col(name)));
    // A forum-"year" without a year (documents whose year neither the manifest nor the path gives) has no place on
    // the time line the scorecard is: not scored. Its documents and turns stay in the datasets before this one.
    Dataset<Row> base = indicators.filter(col("year").isNotNull()).select(columns.toArray(Column[]::new));

    Dataset<Row> byType = documents
        .select(col("forum"), col("year").cast(DataTypes.IntegerType).as("year"), col("doc_type"), col("doc_id"),
            col("session_id"))
        .groupBy("forum", "year", "doc_type")
        .agg(sort_array(collect_set("doc_id")).as("doc_ids"), sort_array(collect_set("session_id")).as("session_ids"))
        .groupBy("forum", "year")
        .agg(collect_list(struct(col("doc_type"), col("doc_ids"), col("session_ids"))).as("evidence"));
    Dataset<Row> withEvidence = base.join(byType, new String[] {"forum", "year"}, "left");

    int evidenceAt = read.size() + 2;
    FlatMapFunction<Row, Row> criteria = r -> criterionRows(shared.value(), read, r, r.isNullAt(evidenceAt)
        ? List.of() : r.getList(evidenceAt)).iterator();
    Dataset<Row> criterionRows = withEvidence.flatMap(criteria, Encoders.row(Schemas.load(CRITERIA)));

    MapFunction<Row, Row> scored = r -> indexRow(shared.value(), read, r);
    Dataset<Row> index = compare(base.map(scored, Encoders.row(SCORED)));
    return new Scores(criterionRows, index);
  }

  /** Every indicator the rubric reads, once, in the order of first use. */
  static List<String> indicatorsRead(Rubric rubric) {
    Set<String> names = new LinkedHashSet<>();
    rubric.criteria().forEach(c -> names.addAll(c.indicators()));
    return List.copyOf(names);
  }

  /** Fails on a column the rubric reads that the indicators lack or that holds values its rule cannot score. */
  static void check(StructType schema, Rubric rubric) {
    List<String> columns = List.of(schema.fieldNames());
    for (Criterion c : rubric.criteria()) {
      for (String indicator : c.indicators()) {
        String where = "rubric " + rubric.version() + ": criterion '" + c.id() + "' reads '" + indicator + "'";
        if (!columns.contains(indicator)) {
          throw new UserException(where + ", which " + INDICATORS + " lacks (re-run stage indicators, or change the "
              + "rubric)");
        }
        DataType type = schema.apply(indicator).dataType();
        if (!(type instanceof NumericType) && !(type instanceof BooleanType)) {
          throw new UserException(where + ", a " + type.simpleString() + " column; indicators are numbers or "
              + "booleans");
        }
        if (type instanceof BooleanType && !(c.rule() instanceof Rule.Categorical)) {
          throw new UserException(where + ", a boolean, which its " + ruleName(c.rule()) + " rule cannot score "
              + "(use categorical, e.g. {true: 1, false: 0})");
        }
      }
    }
  }

  private static String ruleName(Rule rule) {
    return rule instanceof Rule.Linear ? "linear" : "threshold";
  }

  /** The indicator values of one forum-year row (forum, year, then {@code read} in order), as Spark gives them. */
  private static Map<String, Object> values(List<String> read, Row r) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < read.size(); i++) {
      values.put(read.get(i), r.get(i + 2));
    }
    return values;
  }

  /** One openness_criteria row per criterion of the rubric, in the schema's column order. */
  static List<Row> criterionRows(Rubric rubric, List<String> read, Row r, List<Row> evidence) {
    String forum = r.getString(0);
    Integer year = r.isNullAt(1) ? null : r.getInt(1);
    Scorecard card = Scorer.score(rubric, values(read, r));
    List<Row> rows = new ArrayList<>(card.criteria().size());
    for (CriterionScore cs : card.criteria()) {
      Criterion c = cs.criterion();
      Set<String> types = EvidenceTypes.of(c.indicators());
      Set<String> docs = new TreeSet<>();
      Set<String> sessions = new TreeSet<>();
      for (Row e : evidence) {
        if (EvidenceTypes.covers(types, e.getString(0))) {
          docs.addAll(e.<String>getList(1));
          sessions.addAll(e.<String>getList(2));
        }
      }
      Row[] values = cs.values().entrySet().stream()
          .map(v -> RowFactory.create(v.getKey(), asDouble(v.getValue()))).toArray(Row[]::new);
      rows.add(RowFactory.create(c.id(), c.principle().id(), c.label(), c.indicators().toArray(String[]::new),
          values, cs.score(), cs.score() != null, c.weight(), docs.toArray(String[]::new),
          sessions.toArray(String[]::new),
          c.netmundialPrinciples().stream().map(NetmundialPrinciple::id).toArray(String[]::new),
          c.iap2Level().id(), rubric.version(), forum, year));
    }
    return rows;
  }

  /** A value as the values column holds it: numbers as doubles, booleans as 1/0, null (and NaN) as null. */
  static Double asDouble(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
      return n.doubleValue();
    }
    return null;
  }

  /** One forum-year's principle scores, overall and coverage (the columns of {@link #SCORED}). */
  static Row indexRow(Rubric rubric, List<String> read, Row r) {
    Scorecard card = Scorer.score(rubric, values(read, r));
    List<Object> cells = new ArrayList<>();
    cells.add(r.getString(0));
    cells.add(r.isNullAt(1) ? null : r.getInt(1));
    for (Principle p : Principle.values()) {
      PrincipleScore ps = card.principles().get(p);
      cells.add(ps == null ? null : ps.score());
      cells.add(ps == null ? null : ps.coverage());
    }
    cells.add(card.overall());
    cells.add(card.coverage());
    cells.add(rubric.version());
    cells.add(card.criteria().stream().filter(c -> c.score() != null).map(c -> c.criterion().id())
        .collect(Collectors.joining(",")));
    return RowFactory.create(cells.toArray());
  }

  /**
   * Adds rank (standard competition ranking within the year of the forums with an overall, on overall rounded to
   * {@link #RANK_DECIMALS} decimals, 1 = highest), previous_year (the forum's latest earlier year with an overall),
   * change (overall minus that year's overall) and change_same_criteria (whether both years were assessed on the
   * same criteria: an overall renormalised over other criteria can move with the evidence, not the forum), and puts
   * the columns in the schema's order.
   */
  static Dataset<Row> compare(Dataset<Row> scored) {
    Column overall = col("overall");
    WindowSpec withinYear = Window.partitionBy("year").orderBy(round(overall, RANK_DECIMALS).desc_nulls_last());
    WindowSpec earlier = Window.partitionBy("forum").orderBy("year")
        .rowsBetween(Window.unboundedPreceding(), -1);
    Dataset<Row> compared = scored
        .withColumn("rank", when(overall.isNotNull(), rank().over(withinYear)))
        .withColumn("previous_year", last(when(overall.isNotNull(), col("year")), true).over(earlier))
        .withColumn("change", overall.minus(last(overall, true).over(earlier)))
        .withColumn("change_same_criteria", when(col("change").isNotNull(),
            col(ASSESSED).equalTo(last(when(overall.isNotNull(), col(ASSESSED)), true).over(earlier))));
    return compared.select(List.of(Schemas.load(INDEX).fieldNames()).stream().map(c -> col(c))
        .toArray(Column[]::new));
  }
}
