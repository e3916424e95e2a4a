package org.opennessobservatory.cli;

import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.opennessobservatory.privacy.PseudonymKey;
import picocli.CommandLine.Option;

/** {@code --pseudonymise}: persons' names and ids replaced by keyed hashes in every output (DESIGN.md §6). */
final class PrivacyOptions {
  @Option(names = "--pseudonymise", description = "Replace person ids, names and aliases by keyed hashes "
      + "(HMAC-SHA-256) in every dataset, also inside speech and document text. The key comes from the environment "
      + "variable " + PseudonymKey.ENV + " or from --pseudonym-key-file, never from the command line.")
  boolean pseudonymise;

  @Option(names = "--pseudonym-key-file", paramLabel = "PATH",
      description = "File holding the pseudonym key (at least 16 bytes; e.g. openssl rand -hex 32 > key).")
  String keyFile;

  @Option(names = "--pseudonym-table", paramLabel = "PATH", description = "Also write the key table (person id, "
      + "pseudonym, name forms) as CSV to PATH, outside the output root. Keep it apart from the release.")
  String table;

  /** There on purpose: a key typed on the command line stays in shell history and process lists. */
  @Option(names = "--pseudonym-key", paramLabel = "KEY", hidden = true)
  String keyOnCommandLine;

  /** The key when pseudonymising, null otherwise; user errors for anything inconsistent, before Spark starts. */
  byte[] key(String out, Map<String, String> env) {
    if (keyOnCommandLine != null) {
      throw new UserException("--pseudonym-key is refused: a key on the command line is kept in shell history and "
          + "process lists; set " + PseudonymKey.ENV + " or pass --pseudonym-key-file PATH");
    }
    if (!pseudonymise) {
      if (keyFile != null || table != null) {
        throw new UserException((keyFile != null ? "--pseudonym-key-file" : "--pseudonym-table")
            + " only makes sense with --pseudonymise");
      }
      return null;
    }
    if (table != null && isInside(table, out)) {
      throw new UserException("--pseudonym-table " + table + " is inside the output root " + out
          + ": the key table undoes the pseudonyms, write it elsewhere");
    }
    return PseudonymKey.resolve(keyFile, env);
  }

  /** Compared as paths only (scheme and host aside): refusing a look-alike elsewhere costs less than a leak. */
  static boolean isInside(String file, String root) {
    return local(file).startsWith(local(root));
  }

  private static java.nio.file.Path local(String path) {
    return java.nio.file.Path.of(new Path(path).toUri().getPath()).toAbsolutePath().normalize();
  }
}
