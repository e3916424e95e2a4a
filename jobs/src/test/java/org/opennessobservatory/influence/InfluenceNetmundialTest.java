package org.opennessobservatory.influence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.ingest.netmundial.NetmundialImporter;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * Reuse clusters among the 187 real NETmundial 2014 contributions (read in place from ../shared/data), in one run:
 * the importer's manifest, ingest, stage influence. Prints the clusters and the stage's time for the note.
 */
class InfluenceNetmundialTest extends SparkTestBase {
  @TempDir
  Path tmp;

  @Test
  void clustersTheRealContributions() throws IOException {
    Path source = TestPaths.netmundial();
    Assumptions.assumeTrue(Files.isDirectory(source),
        "the NETmundial 2014 contributions are not at " + source + " (shared data, never copied into the repository)");
    Path manifest = tmp.resolve("manifest.csv");
    NetmundialImporter.writeManifest(source, manifest);
    String out = tmp.resolve("out").toString();
    DatasetWriter writer = new DatasetWriter(spark(), out);
    IngestJob.run(spark(), source.toString(), manifest.toString(), ParseLimits.DEFAULTS, writer);
    InfluenceJob.Summary s = InfluenceJob.run(spark(), out, writer);
    List<Row> clusters = spark().read().parquet(out + "/" + InfluenceStage.CLUSTERS)
        .orderBy(org.apache.spark.sql.functions.col("size").desc()).collectAsList();
    System.out.println("NETMUNDIAL " + s);
    System.out.println("NETMUNDIAL clusters: " + clusters.size());
    for (Row r : clusters) {
      System.out.println("NETMUNDIAL size " + r.getAs("size") + " groups " + r.getList(r.fieldIndex("member_groups"))
          + " contributors " + r.getList(r.fieldIndex("member_contributors")) + " links " + r.getAs("links")
          + " shared_chars " + r.getAs("shared_chars"));
    }
    long members = clusters.stream().mapToLong(r -> r.<Long>getAs("size")).sum();
    Assertions.assertTrue(members <= 187, "members " + members);
    Assertions.assertTrue(clusters.stream().allMatch(r -> r.<Long>getAs("size") >= 2));
  }
}
