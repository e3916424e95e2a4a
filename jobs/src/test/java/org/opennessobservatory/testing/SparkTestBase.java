package org.opennessobservatory.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Arrays;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.BeforeEach;
import org.opennessobservatory.io.ForklessLocalFileSystem;

/**
 * One local SparkSession for the whole test JVM (starting one costs 5-10 s), from Spark Testing Base, whose
 * DataFrame equality assertions the Spark-level tests use. The context is left running between test classes.
 *
 * <p>Its queries are interpreted, not compiled ({@link #INTERPRETED}): on test-sized data Spark spends more time
 * generating and compiling Java for each plan (Janino, and its class look-ups) than running it. A second demo run in
 * one JVM took 40 s interpreted against 61 s compiled. The shared demo run ({@link DemoRun}) is compiled, as every
 * run outside the tests is, so the tests that hold other runs to its rows compare the two ways Spark executes.
 */
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {
  @BeforeEach
  void startSpark() {
    runBefore();
  }

  @Override
  public SparkConf conf() {
    return new SparkConf()
        .setMaster("local[2]")
        .setAppName("observatory-tests")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "4")
        .set("spark.sql.session.timeZone", "UTC")
        .set(ForklessLocalFileSystem.SETTING, ForklessLocalFileSystem.class.getName())
        .setAll(scala.jdk.javaapi.CollectionConverters.asScala(INTERPRETED));
  }

  /** Spark's settings for interpreted execution: no whole-stage code, no generated expressions. */
  static final java.util.Map<String, String> INTERPRETED = java.util.Map.of(
      "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  /** Spark's defaults, which every run outside the tests has. */
  static final java.util.Map<String, String> COMPILED = java.util.Map.of(
      "spark.sql.codegen.wholeStage", "true", "spark.sql.codegen.factoryMode", "FALLBACK");

  /**
   * The same rows without column metadata: schema files attach descriptions to columns, and Spark Testing Base
   * compares schemas with their metadata.
   */
  protected static Dataset<Row> plain(Dataset<Row> data) {
    return data.select(Arrays.stream(data.columns())
        .map(c -> functions.col(c).as(c, Metadata.empty())).toArray(Column[]::new));
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }
}
