package org.opennessobservatory.cli;

import org.apache.hadoop.fs.Path;
import org.opennessobservatory.io.Memo;
import picocli.CommandLine.Option;

/**
 * {@code --incremental}: parse and match only what is new or changed since the last run (README, "Adding a new
 * year").
 */
final class IncrementalOptions {
  @Option(names = "--incremental", description = "Reuse the costly results of earlier incremental runs (Tika "
      + "parses, transcript turns, issue matches, influence alignments) where their inputs did not change, then "
      + "rebuild every dataset: the outputs equal a full run's. Replaces the datasets of --out like --overwrite. "
      + "The results are kept in the store (<out>/" + Memo.DEFAULT_FOLDER + " unless --incremental-store is given).")
  boolean incremental;

  @Option(names = "--incremental-store", paramLabel = "PATH", description = "Where --incremental keeps its results "
      + "between runs. Needed outside --out with --pseudonymise: the store holds the original text.")
  String store;

  /** The store to use, or null for a full run; user errors for inconsistent options, before Spark starts. */
  String store(String out, boolean pseudonymise) {
    if (!incremental) {
      if (store != null) {
        throw new UserException("--incremental-store only makes sense with --incremental");
      }
      return null;
    }
    String chosen = store != null ? store : new Path(out, Memo.DEFAULT_FOLDER).toString();
    if (pseudonymise && PrivacyOptions.isInside(chosen, out)) {
      throw new UserException("--incremental keeps the original text in " + chosen + ", inside the output root of "
          + "a pseudonymised release: pass --incremental-store PATH outside " + out);
    }
    return chosen;
  }
}
