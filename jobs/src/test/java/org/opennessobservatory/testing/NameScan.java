package org.opennessobservatory.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.query.OutputComparison;

/**
 * Where the names of data-samples' registry persons still occur in an output root: in any value of any column of any
 * dataset (what the notebooks read too), or in the files a run writes beside them (report, codebook, run manifest).
 * The privacy tests expect none after {@code --pseudonymise}, and some before, so that the scan can fail.
 */
public final class NameScan {
  private NameScan() {}

  /** Every name and alias of data-samples' registry, as written. */
  public static List<String> registryNames() {
    Set<String> names = new LinkedHashSet<>();
    try {
      for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get()
          .parse(Files.newBufferedReader(TestPaths.samples().resolve("registry/people.csv"))).getRecords()) {
        names.add(r.get("name"));
        for (String alias : r.get("aliases").split("\\|")) {
          if (!alias.isBlank()) {
            names.add(alias);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(36, names.size(), "24 persons' names (one of them on two rows) and 12 aliases");
    return List.copyOf(names);
  }

  /** "dataset: name" for every name found in any value of any row of any dataset (rows as JSON, lower case). */
  public static List<String> inDatasets(SparkSession spark, Path out, List<String> names) {
    List<String> found = new ArrayList<>();
    for (String dataset : OutputComparison.datasets(out)) {
      found.addAll(inDataset(spark, out, dataset, names));
    }
    return found;
  }

  /** "dataset: name" for every name found in any value of any row of one dataset. */
  public static List<String> inDataset(SparkSession spark, Path out, String dataset, List<String> names) {
    Dataset<Row> data = spark.read().parquet(out.resolve(dataset).toString());
    // The outputs of the tests are small: scanning them here is quicker than one Spark job per name.
    List<String> rows = data.select(lower(to_json(struct(Arrays.stream(data.columns()).map(c -> col("`" + c + "`"))
        .toArray(Column[]::new))))).as(Encoders.STRING()).collectAsList();
    List<String> found = new ArrayList<>();
    for (String name : names) {
      if (rows.stream().anyMatch(r -> r.contains(name.toLowerCase(Locale.ROOT)))) {
        found.add(dataset + ": " + name);
      }
    }
    return found;
  }

  /**
   * "file: name" for every name found (in any case) in the run's files that are not datasets: every file under
   * {@code report/} and {@code codebook/} (checksum files aside), and {@code _run.json}. HTML entities are decoded
   * first: the report writes "Tomás" as "Tom&amp;aacute;s".
   */
  public static List<String> inRunFiles(Path out, List<String> names) {
    List<Path> files = new ArrayList<>(List.of(out.resolve("_run.json")));
    for (String folder : List.of("report", "codebook")) {
      try (Stream<Path> paths = Files.walk(out.resolve(folder))) {
        // Hadoop's checksum files (.index.html.crc) hold binary sums of the files beside them, not text.
        paths.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".crc")).sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> found = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = StringEscapeUtils.unescapeHtml4(Files.readString(file, StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String name : names) {
        if (text.contains(name.toLowerCase(Locale.ROOT))) {
          found.add(out.relativize(file) + ": " + name);
        }
      }
    }
    return found;
  }
}
