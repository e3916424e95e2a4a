package org.opennessobservatory.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where and how Spark runs. */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (local[*], spark://host:7077, yarn, k8s://…). Default: what spark-submit set, "
          + "else local[*].")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
      description = "A Spark setting, applied over the defaults; repeatable (e.g. --conf spark.executor.memory=4g).")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--quiet",
      description = "No progress line on the console (it is shown only on a terminal anyway, never in logs).")
  boolean quiet;
}
