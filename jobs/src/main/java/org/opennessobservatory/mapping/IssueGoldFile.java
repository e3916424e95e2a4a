package org.opennessobservatory.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opennessobservatory.cli.UserException;

/**
 * One file of a gold set of stage issues: utterances labelled by hand with issue ids. Tab-separated, a header line
 * {@code id text expected note}, one utterance per line; {@code expected} holds issue ids separated by {@code |},
 * empty when the utterance speaks of no issue area.
 *
 * <p>Sentences of a corpus someone else holds the rights to are labelled without their text: header {@code id source
 * sha256 expected note}, where {@code source} is a file's path in the corpus folder and {@code sha256} the first 16
 * hex digits of the SHA-256 of one of its sentences ({@link CorpusSentences}: the file extracted by Tika as ingest
 * extracts it, cut by stage issues' OpenNLP sentence model). The text is found in the corpus when the file is read.
 */
public final class IssueGoldFile {
  private IssueGoldFile() {}

  static final List<String> HEADER = List.of("id", "text", "expected", "note");
  static final List<String> CORPUS_HEADER = List.of("id", "source", "sha256", "expected", "note");

  /** One labelled utterance, the file it comes from (its name: the part of a gold set) and its line. */
  public record Example(String id, String text, Set<String> expected, String note, String part, int line) {}

  /**
   * The examples of {@code file}; ids must be new to {@code ids}, which receives them.
   *
   * @param corpus the folder a file of corpus sentences refers to; null when none was given
   */
  static List<Example> read(Path file, Set<String> known, Set<String> ids, Path corpus) {
    return parse(file.toString(), file.getFileName().toString(), lines(file, "the gold set folder to --gold"), known,
        ids, corpus);
  }

  /**
   * The examples of a file read as {@code lines}.
   *
   * @param name the file in messages
   * @param part the part of the gold set the examples belong to
   */
  static List<Example> parse(String name, String part, List<String> lines, Set<String> known, Set<String> ids,
      Path corpus) {
    // a byte order mark some editors write is not part of the first column's name
    List<String> header = lines.isEmpty() ? List.of()
        : List.of(lines.get(0).replaceFirst("^\uFEFF", "").split("\t", -1));
    if (!header.equals(HEADER) && !header.equals(CORPUS_HEADER)) {
      throw new UserException(name + " line 1: expected the header " + String.join("\\t", HEADER) + " (or "
          + String.join("\\t", CORPUS_HEADER) + " for sentences of a corpus)");
    }
    boolean referenced = header.equals(CORPUS_HEADER);
    if (referenced && corpus == null) {
      throw new UserException(name + " labels sentences of corpus files by their hash: give the corpus folder "
          + "they come from with --corpus");
    }
    CorpusSentences sentences = referenced ? new CorpusSentences(corpus) : null;
    java.util.Map<String, String> sentenceIds = new java.util.HashMap<>();
    List<Example> examples = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String at = name + " line " + (i + 1);
      String[] cells = line.split("\t", -1);
      if (cells.length != header.size()) {
        throw new UserException(at + ": " + cells.length + " cells, expected " + header.size() + " (tab-separated)");
      }
      if (cells[0].isBlank()) {
        throw new UserException(at + ": the id is empty");
      }
      if (referenced) {
        String other = sentenceIds.putIfAbsent(cells[1] + " " + cells[2], cells[0]);
        if (other != null) {
          throw new UserException(at + ": " + cells[0] + " names the same sentence as " + other);
        }
        String text = sentences.find(cells[1], cells[2], at);
        cells = new String[] {cells[0], text, cells[3], cells[4]};
      }
      if (!ids.add(cells[0])) {
        throw new UserException(at + ": duplicate id " + cells[0]);
      }
      examples.add(new Example(cells[0], cells[1], labels(cells[2], known, at), cells[3], part, i + 1));
    }
    return examples;
  }

  /** The issue ids of an {@code expected} cell (separated by {@code |}); each must be in {@code known}. */
  static Set<String> labels(String cell, Set<String> known, String at) {
    Set<String> expected = new LinkedHashSet<>();
    for (String label : cell.split("\\|")) {
      String l = label.trim();
      if (l.isEmpty()) {
        continue;
      }
      if (!known.contains(l)) {
        throw new UserException(at + ": unknown issue id '" + l + "' (not in the taxonomy)");
      }
      expected.add(l);
    }
    return Set.copyOf(expected);
  }

  /** The lines of {@code file}, read as UTF-8, with messages that say what to fix. */
  static List<String> lines(Path file, String what) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserException(file + " is not UTF-8: save it as UTF-8");
    } catch (IOException e) {
      throw new UserException(file + ": cannot be read (" + e.getMessage() + "); give " + what);
    }
  }
}
