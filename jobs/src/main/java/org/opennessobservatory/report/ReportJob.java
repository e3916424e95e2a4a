package org.opennessobservatory.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Stage report's I/O: a run's datasets read from the output root; {@code report/index.html} written beside them. */
public final class ReportJob {
  private ReportJob() {}

  /** The report's folder under the output root. */
  public static final String REPORT = "report";
  public static final String INDEX = "index.html";

  /**
   * @param path the page written
   * @param drawn chart sections drawn, with the marks each draws
   * @param empty chart sections that say why they have nothing to show (a dataset absent or without rows)
   * @param bytes size of the page
   * @param millis wall time of the stage
   */
  public record Summary(String path, Map<String, Integer> drawn, List<String> empty, long bytes, long millis) {}

  /** @param run the run manifest when the caller holds it (the pipeline); null to read the output root's _run.json */
  public static Summary run(SparkSession spark, String outRoot, Map<String, Object> run) {
    long t0 = System.nanoTime();
    // Charts are drawn into SVG, never onto a screen: a driver on a server has no display to open.
    System.setProperty("java.awt.headless", "true");
    ReportPage.Page page = ReportPage.build(ReportReader.read(spark, outRoot, run));
    byte[] bytes = page.html().getBytes(StandardCharsets.UTF_8);
    Path file = new Path(new Path(outRoot, REPORT), INDEX);
    write(file, bytes, spark.sparkContext().hadoopConfiguration());
    return new Summary(file.toString(), page.drawn(), page.empty(), bytes.length, (System.nanoTime() - t0) / 1_000_000);
  }

  /** Written aside and renamed, so that a reader never opens half a page. */
  private static void write(Path file, byte[] bytes, Configuration conf) {
    Path partial = file.suffix(".partial");
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (OutputStream out = fs.create(partial, true)) {
        out.write(bytes);
      }
      fs.delete(file, false);
      if (!fs.rename(partial, file)) {
        throw new IOException("cannot move " + partial + " to " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
