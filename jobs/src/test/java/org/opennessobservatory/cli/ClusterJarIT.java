package org.opennessobservatory.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.generate.FormatWriters;
import org.opennessobservatory.testing.HostileFiles;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.testing.TestPaths;

/**
 * The cluster jar, as spark-submit would run it, really extracts text: its ingest runs in a child JVM whose class path
 * is that jar plus Spark's provided jars and nothing else of ours, so Tika there knows only the parsers listed in the
 * jar's merged META-INF/services. Without the merge every file "parses" to nothing with status OK. An integration
 * test (failsafe, after package) because it needs the built jar.
 */
class ClusterJarIT extends SparkTestBase {
  private static final Path TARGET = TestPaths.repo().resolve("jobs/target");
  private static final Path JAR = TARGET.resolve("observatory-jobs-cluster.jar");
  private static final String PHRASE = "meaningful connectivity in rural areas";

  @Test
  void listsTheParsersOfEveryTikaModuleItShades() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String parsers = new String(jar.getInputStream(jar.getEntry("META-INF/services/org.apache.tika.parser.Parser"))
          .readAllBytes(), StandardCharsets.UTF_8);
      for (String parser : List.of("org.apache.tika.parser.pdf.PDFParser",
          "org.apache.tika.parser.microsoft.ooxml.OOXMLParser", "org.apache.tika.parser.html.JSoupParser",
          "org.apache.tika.parser.odf.OpenDocumentParser", "org.apache.tika.parser.microsoft.rtf.RTFParser")) {
        Assertions.assertTrue(parsers.lines().anyMatch(parser::equals), parser + " missing from the merged services");
      }
      Assertions.assertNull(jar.getEntry("org/apache/spark/SparkContext.class"), "Spark is the cluster's, not ours");
      Assertions.assertEquals("true", jar.getManifest().getMainAttributes().getValue("Multi-Release"));
    }
  }

  @Test
  void extractsTheTextOfEveryFormatThroughTheJarAlone(@TempDir Path dir) throws Exception {
    Path corpus = dir.resolve("corpus");
    Path files = Files.createDirectories(corpus.resolve("igf/2023"));
    Map<String, byte[]> written = new TreeMap<>(Map.of(
        "report.pdf", FormatWriters.pdf(HostileFiles.REPORT),
        "report.docx", FormatWriters.docx(HostileFiles.REPORT),
        "report.odt", FormatWriters.odt(HostileFiles.REPORT),
        "report.rtf", FormatWriters.rtf(HostileFiles.REPORT),
        "report.html", FormatWriters.html(HostileFiles.REPORT)));
    for (Map.Entry<String, byte[]> f : written.entrySet()) {
      Files.write(files.resolve(f.getKey()), f.getValue());
    }
    Path out = dir.resolve("out");

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("observatory.spark.jvm.flags").trim().split("\\s+")));
    command.add("-Xmx1g");
    command.add("-cp");
    // Spark's jars as the cluster provides them; everything else comes from the cluster jar.
    command.add(JAR + java.io.File.pathSeparator
        + Files.readString(TARGET.resolve("provided-classpath.txt")).trim());
    command.addAll(List.of("org.opennessobservatory.cli.Observatory", "ingest", "--master", "local[1]",
        "--corpus", corpus.toString(), "--out", out.toString()));
    Path log = dir.resolve("ingest.log");
    Process ingest = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // A bound against a hang, not a speed test: on the 2-core machine shared with other builds it passed 5 minutes.
    if (!ingest.waitFor(20, TimeUnit.MINUTES)) {
      ingest.destroyForcibly().waitFor();
      Assertions.fail("ingest through the cluster jar did not finish in 20 minutes:\n" + read(log));
    }
    Assertions.assertEquals(0, ingest.exitValue(), () -> "ingest through the cluster jar failed:\n" + read(log));

    List<Row> documents = spark().read().parquet(out.resolve("documents").toString())
        .select("rel_path", "parser", "text").orderBy("rel_path").collectAsList();
    Assertions.assertEquals(written.size(), documents.size(), () -> "every file a document:\n" + read(log));
    for (Row d : documents) {
      Assertions.assertTrue(d.getString(2).contains(PHRASE),
          d.getString(0) + " (" + d.getString(1) + "): '" + d.getString(2) + "'");
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
