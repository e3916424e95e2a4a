package org.opennessobservatory.influence;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The two steps stage influence and stage links share after their inverted index: the candidate pairs from the
 * seeds, and the alignment of each pair.
 */
public final class PairAligner {
  private PairAligner() {}

  /**
   * The seeds ({@link Seeds#SEED}) grouped by {@code keys} (which hold source_doc_id and target_doc_id) into pairs,
   * each with its seeds as a list of (s_idx, t_idx, dfc, gram) and shared_ngrams, the distinct n-grams among them; only
   * pairs with at least {@code minSeeds}. The distinct count is taken from the collected list: a {@code countDistinct}
   * beside the {@code collect_list} makes Spark expand every seed row into two and aggregate in four steps.
   */
  public static Dataset<Row> candidatePairs(Dataset<Row> seeds, int minSeeds, String... keys) {
    return seeds.groupBy(keys[0], Arrays.copyOfRange(keys, 1, keys.length))
        .agg(collect_list(struct(col("s_idx"), col("t_idx"), col("dfc"), col("gram"))).as("seeds"))
        .withColumn("shared_ngrams", size(array_distinct(col("seeds.gram"))).cast(DataTypes.LongType))
        .filter(col("shared_ngrams").geq(minSeeds));
  }

  /** A passage of an aligned pair as the stage's output row, or null when the stage keeps no row of it. */
  @FunctionalInterface
  public interface PassageRow extends Serializable {
    Row of(Row pair, Alignment.Passage passage);
  }

  /** Documents whose words one partition keeps: a pair's target is usually the previous pair's too (see below). */
  static final int CACHED_DOCUMENTS = 256;

  /**
   * Aligns each pair of a partition (rows with source_doc_id, target_doc_id, seeds as {@link #candidatePairs} makes
   * them, s_text and t_text) into the rows {@code out} makes of its passages. A document's words are cut once per
   * partition, not once per pair it is in: the pairs reach here from a sort-merge join on the target, so a
   * partition's pairs come target by target, and a source is in pairs with many targets.
   */
  public static MapPartitionsFunction<Row, Row> aligner(Alignment.Config config, PassageRow out) {
    return rows -> {
      Map<String, List<ReuseNgrams.Word>> words = new LinkedHashMap<>(CACHED_DOCUMENTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ReuseNgrams.Word>> eldest) {
          return size() > CACHED_DOCUMENTS;
        }
      };
      Iterator<Row> passages = StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
          .flatMap(r -> {
            List<Alignment.Seed> seeds = new ArrayList<>();
            for (Row s : r.<Row>getList(r.fieldIndex("seeds"))) {
              seeds.add(new Alignment.Seed(s.getInt(0), s.getInt(1), (int) s.getLong(2)));
            }
            List<ReuseNgrams.Word> s = words.computeIfAbsent(r.getAs("source_doc_id"),
                d -> ReuseNgrams.words(r.getAs("s_text")));
            List<ReuseNgrams.Word> t = words.computeIfAbsent(r.getAs("target_doc_id"),
                d -> ReuseNgrams.words(r.getAs("t_text")));
            return Alignment.align(s, t, seeds, config).stream().map(p -> out.of(r, p)).filter(Objects::nonNull);
          }).iterator();
      return passages;
    };
  }
}
