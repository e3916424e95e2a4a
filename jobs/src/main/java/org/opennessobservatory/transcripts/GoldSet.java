package org.opennessobservatory.transcripts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opennessobservatory.cli.UserException;

/** A folder of gold transcripts: NAME.txt beside NAME.turns.tsv (format in the gold set's README). */
public final class GoldSet {
  private GoldSet() {}

  public record Item(String name, String text, List<SegmentationScore.GoldTurn> turns) {}

  public static List<Item> read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserException("--gold " + dir + " is not a folder of NAME.txt + NAME.turns.tsv files");
    }
    List<Item> items = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path tsv : files.filter(p -> p.toString().endsWith(".turns.tsv")).sorted().toList()) {
        String name = tsv.getFileName().toString().replace(".turns.tsv", "");
        Path txt = dir.resolve(name + ".txt");
        if (!Files.exists(txt)) {
          throw new UserException(tsv + " has no " + txt.getFileName() + " beside it");
        }
        items.add(new Item(name, Files.readString(txt, StandardCharsets.UTF_8), turns(tsv)));
      }
    } catch (IOException e) {
      throw new UserException("cannot read the gold set " + dir + ": " + e.getMessage());
    }
    if (items.isEmpty()) {
      throw new UserException("--gold " + dir + " holds no NAME.turns.tsv file");
    }
    return items;
  }

  private static List<SegmentationScore.GoldTurn> turns(Path tsv) throws IOException {
    CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setQuote(null)
        .setIgnoreSurroundingSpaces(false).setTrim(false).get();
    List<SegmentationScore.GoldTurn> turns = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      for (CSVRecord r : format.parse(in)) {
        turns.add(new SegmentationScore.GoldTurn(r.get("label_raw"), r.get("speaker_name"), r.get("role"),
            r.get("organisation"), r.get("starts_with")));
      }
    }
    return turns;
  }
}
