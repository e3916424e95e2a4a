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
        .set(ForklessLocalFileSystem.SETTING, ForklessLocalFileSystem.class.getName());
  }

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
