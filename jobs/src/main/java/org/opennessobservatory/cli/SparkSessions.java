package org.opennessobservatory.cli;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.io.ForklessLocalFileSystem;

/**
 * Builds the SparkSession in three tiers: what the jobs need (always), sensible defaults (only where nothing was
 * set, by spark-submit or spark-defaults), then the user's --conf on top. No master is hard-coded: spark-submit's
 * wins, and local[*] is used only when none is given.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName, SparkOptions options) {
    SparkConf conf = new SparkConf();
    // Tier 1: required. UTC makes dates and timestamps the same on every machine.
    conf.set("spark.sql.session.timeZone", "UTC");
    // Tier 2: defaults.
    if (options.master != null) {
      conf.setMaster(options.master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", appName);
    boolean local = conf.get("spark.master").startsWith("local");
    if (local) {
      // A laptop run should not bind to the outward interface nor open a UI port nobody asked for.
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.sql.shuffle.partitions", "8");
      conf.setIfMissing(ForklessLocalFileSystem.SETTING, ForklessLocalFileSystem.class.getName());
    }
    conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    // Tier 3: the user's settings.
    for (Map.Entry<String, String> e : options.conf.entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
