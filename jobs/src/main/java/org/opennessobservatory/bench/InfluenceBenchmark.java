package org.opennessobservatory.bench;

import java.io.PrintWriter;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.opennessobservatory.influence.InfluenceStage;
import org.opennessobservatory.influence.ReuseNgrams;

/**
 * {@code bench influence}: generates contributions and outcomes in memory (processes of {@code perProcess}
 * contributions and one outcome that reuses a few sentences of some of them, verbatim or with a word changed), then
 * times stage influence ({@link InfluenceStage#run}: index, candidate pairs, alignment, by-group shares, clusters)
 * against a baseline that compares every pair of the process (contribution × outcome and contribution ×
 * contribution) by the intersection of their 5-gram sets, single-threaded. Reported: pairs examined by each, passages,
 * time. No files, no Tika.
 */
public final class InfluenceBenchmark {
  private InfluenceBenchmark() {}

  /** @param docs contributions in all; @param perProcess contributions per process (one outcome each) */
  public record Settings(int docs, int perProcess, long seed, String master) {}

  public static String problem(Settings s) {
    return s.docs() < 1 || s.perProcess() < 1 ? "--docs and --per-process must be at least 1" : null;
  }

  static final String[] GROUPS = {"government", "civil_society", "private_sector", "technical_community", "academia"};

  /** The documents columns the stage reads (public for the stage's tests). */
  public static StructType schemaForTests() {
    return schema();
  }

  static StructType schema() {
    return new StructType().add("doc_id", DataTypes.StringType, false).add("doc_type", DataTypes.StringType, false)
        .add("forum", DataTypes.StringType, false).add("year", DataTypes.IntegerType)
        .add("extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false)
        .add("published_on", DataTypes.DateType).add("date", DataTypes.DateType)
        .add("author_stakeholder_group", DataTypes.StringType).add("author_organisation", DataTypes.StringType)
        .add("author", DataTypes.StringType).add("text", DataTypes.StringType, false);
  }

  private static String sentence(Random r) {
    int n = 12 + r.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // a skewed vocabulary of 20,000 words: common words are frequent, most are rare
      int w = (int) Math.floor(Math.pow(r.nextDouble(), 3) * 20_000);
      b.append(i == 0 ? "" : " ").append("w").append(w);
    }
    return b.append(". ").toString();
  }

  /** The generated documents: per process, perProcess contributions (~30 sentences) and one outcome. */
  public static List<Row> generate(Settings s) {
    Random r = new Random(s.seed());
    List<Row> rows = new ArrayList<>();
    int processes = (s.docs() + s.perProcess() - 1) / s.perProcess();
    int made = 0;
    for (int p = 0; p < processes; p++) {
      String forum = "forum" + p;
      StringBuilder outcome = new StringBuilder();
      for (int c = 0; c < s.perProcess() && made < s.docs(); c++, made++) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 30; k++) {
          String sentence = sentence(r);
          text.append(sentence);
          if (r.nextDouble() < 0.02) {
            outcome.append(r.nextBoolean() ? sentence : sentence.replaceFirst(" w\\d+ ", " changed "));
          }
        }
        rows.add(RowFactory.create("c" + made, "contribution", forum, 2024, new HashMap<String, String>(),
            Date.valueOf(LocalDate.of(2024, 5, 1)), null, GROUPS[c % GROUPS.length], "org" + made, null,
            text.toString()));
      }
      for (int k = 0; k < 20; k++) {
        outcome.append(sentence(r));
      }
      rows.add(RowFactory.create("o" + p, "outcome", forum, 2024, new HashMap<String, String>(),
          Date.valueOf(LocalDate.of(2024, 7, 1)), null, "other", "secretariat", null, outcome.toString()));
    }
    return rows;
  }

  /** Baseline: every pair of the process, by the size of the intersection of their 5-gram sets (≥ 2 counts). */
  static long[] baseline(List<Row> rows) {
    HashMap<String, List<Row>> byForum = new HashMap<>();
    rows.forEach(x -> byForum.computeIfAbsent(x.getString(2), k -> new ArrayList<>()).add(x));
    long pairs = 0;
    long sharing = 0;
    for (List<Row> docs : byForum.values()) {
      List<Set<String>> grams = new ArrayList<>();
      for (Row d : docs) {
        Set<String> g = new HashSet<>();
        ReuseNgrams.ngrams(d.getString(10), 5).forEach(x -> g.add(x.key()));
        grams.add(g);
      }
      for (int i = 0; i < docs.size(); i++) {
        for (int j = i + 1; j < docs.size(); j++) {
          if (!docs.get(i).getString(1).equals("contribution") && !docs.get(j).getString(1).equals("contribution")) {
            continue;
          }
          pairs++;
          Set<String> small = grams.get(i).size() < grams.get(j).size() ? grams.get(i) : grams.get(j);
          Set<String> big = small == grams.get(i) ? grams.get(j) : grams.get(i);
          long shared = small.stream().filter(big::contains).count();
          if (shared >= 2) {
            sharing++;
          }
        }
      }
    }
    return new long[] {pairs, sharing};
  }

  public static int run(Settings s, Supplier<SparkSession> spark, PrintWriter out) {
    out.printf("bench influence: %d contributions, %d per process, seed %d, master %s%n", s.docs(), s.perProcess(),
        s.seed(), s.master());
    out.flush();
    List<Row> rows = generate(s);
    SparkSession session = spark.get();
    Dataset<Row> documents = session.createDataFrame(rows, schema()).repartition(8)
        .persist(StorageLevel.MEMORY_ONLY());
    documents.count();
    long t0 = System.nanoTime();
    InfluenceStage.Result r = InfluenceStage.run(documents, InfluenceStage.Config.defaults());
    long pairs = r.pairs().count();
    long passages = r.passages().count();
    long contributionPassages = r.contributionPassages().count();
    long byGroup = r.byGroup().count();
    long clusters = r.clusters().count();
    long stageMs = (System.nanoTime() - t0) / 1_000_000;
    r.release();
    out.printf("influence stage: %d candidate pairs examined, %d outcome passages, %d contribution-contribution "
        + "passages, %d by-group rows, %d clusters in %,d ms (each output counted; candidate pairs and alignment "
        + "persisted, computed once)%n", pairs, passages, contributionPassages, byGroup, clusters, stageMs);
    long t1 = System.nanoTime();
    long[] b = baseline(rows);
    long baseMs = (System.nanoTime() - t1) / 1_000_000;
    out.printf("baseline all pairs (single thread, 5-gram set intersection only, no alignment): %d pairs compared, "
        + "%d share >= 2 5-grams, in %,d ms%n", b[0], b[1], baseMs);
    out.flush();
    documents.unpersist();
    return 0;
  }
}
