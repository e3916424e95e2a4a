package org.opennessobservatory.indicators;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opennessobservatory.cli.UserException;

/**
 * The forums a registry table names, held against the documents' forums. A table may cover forums the corpus
 * lacks (a published series of every year), so an unknown forum is no fault; but one that differs from a
 * document's forum only by its hyphens ("UK IGF" → uk-igf where the manifest says ukigf) is that forum misspelt,
 * and its rows would join nothing.
 */
final class RegistryForums {
  private RegistryForums() {}

  /** @param forumLines the table's forums, each with the line it is first named on */
  static void check(String source, Map<String, Long> forumLines, Set<String> documentForums) {
    for (String forum : new TreeSet<>(forumLines.keySet())) {
      if (documentForums.contains(forum)) {
        continue;
      }
      for (String known : documentForums) {
        if (known.replace("-", "").equals(forum.replace("-", ""))) {
          throw new UserException(source + " line " + forumLines.get(forum) + ": forum '" + forum + "' (as slugged) "
              + "is the documents' forum '" + known + "' spelt otherwise, so its rows would match no document; write "
              + known + " as the documents do");
        }
      }
    }
  }
}
