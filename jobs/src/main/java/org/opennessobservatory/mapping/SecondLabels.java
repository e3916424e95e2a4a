package org.opennessobservatory.mapping;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opennessobservatory.cli.UserException;

/**
 * A second labeller's issues for utterances of a gold set, to measure how far two people following the guideline agree
 * ({@link LabelAgreement}). Every {@code .tsv} file of a folder, tab-separated, header {@code id expected note}: the id
 * of a gold utterance (the text stays in the gold file, or in the corpus), its issue ids separated by {@code |}, a
 * reason for hard cases. The second labeller labels blind: without the gold labels, the notes, or any matcher's output.
 */
final class SecondLabels {
  private SecondLabels() {}

  static final List<String> HEADER = List.of("id", "expected", "note");

  /**
   * The labels of every file of {@code dir} by utterance id; each id must be one of {@code goldIds}, labelled once.
   */
  static Map<String, Set<String>> read(Path dir, Set<String> known, Set<String> goldIds) {
    Map<String, Set<String>> labels = new LinkedHashMap<>();
    for (Path file : IssueEval.tsvFiles(dir, "the second labeller's folder to --second-labels")) {
      parse(file.toString(), IssueGoldFile.lines(file, "the second labeller's folder to --second-labels"), known,
          goldIds, labels);
    }
    return labels;
  }

  /** Adds the labels of a file read as {@code lines} (named {@code name} in messages) to {@code labels}. */
  static void parse(String name, List<String> lines, Set<String> known, Set<String> goldIds,
      Map<String, Set<String>> labels) {
    List<String> header = lines.isEmpty() ? List.of()
        : List.of(lines.get(0).replaceFirst("^\uFEFF", "").split("\t", -1));
    if (!header.equals(HEADER)) {
      throw new UserException(name + " line 1: expected the header " + String.join("\\t", HEADER)
          + " (a second labeller's file names the gold utterances by id)");
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String at = name + " line " + (i + 1);
      String[] cells = lines.get(i).split("\t", -1);
      if (cells.length != HEADER.size()) {
        throw new UserException(at + ": " + cells.length + " cells, expected " + HEADER.size() + " (tab-separated)");
      }
      if (!goldIds.contains(cells[0])) {
        throw new UserException(at + ": '" + cells[0] + "' is not the id of an utterance of the gold set");
      }
      if (labels.putIfAbsent(cells[0], IssueGoldFile.labels(cells[1], known, at)) != null) {
        throw new UserException(at + ": " + cells[0] + " is labelled twice");
      }
    }
  }
}
