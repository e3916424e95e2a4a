package org.opennessobservatory.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the ingest stage turns into records, so that every listed file and every manifest row ends as a
 * {@code documents} or a {@code rejects} row. Pure functions of strings: a manifest row is matched to the listing
 * by its path as text, never looked up on a file system, so a row naming "../x" or "/etc/passwd" cannot make the
 * job stat or read anything.
 */
final class IngestInputs {
  private IngestInputs() {}

  /**
   * The listed files, those whose manifest row has a faulty value refused as {@code manifest_invalid}: their
   * metadata cannot be trusted, so they are not parsed. A refusal of the listing's own (a link out of the corpus …)
   * stands: it says why the file could not be read at all.
   */
  static List<IngestStage.InputFile> refuseFaulty(List<IngestStage.InputFile> listed, Manifest manifest) {
    return listed.stream().map(f -> {
      Manifest.Fault fault = manifest.faults().get(f.relPath());
      return fault == null || f.refused() != null ? f
          : new IngestStage.InputFile(f.path(), f.relPath(), f.size(), RejectReason.MANIFEST_INVALID,
              manifest.message(fault));
    }).toList();
  }

  /**
   * One refused input per manifest row naming no listed file, in line order: {@code outside_corpus} for a path
   * that leaves the root, else {@code manifest_file_missing}. Its path is the root joined with the row's path, its
   * size 0.
   */
  static List<IngestStage.InputFile> rowsWithoutFile(String root, Manifest manifest,
      List<IngestStage.InputFile> listed) {
    Set<String> paths = listed.stream().map(IngestStage.InputFile::relPath).collect(Collectors.toSet());
    Map<Long, IngestStage.InputFile> byLine = new TreeMap<>();
    manifest.entries().forEach((path, entry) -> {
      if (!paths.contains(path)) {
        byLine.put(entry.line(), withoutFile(root, manifest, path, entry.line(), null));
      }
    });
    manifest.faults().forEach((path, fault) -> {
      if (!paths.contains(path)) {
        byLine.put(fault.line(), withoutFile(root, manifest, path, fault.line(), fault));
      }
    });
    return List.copyOf(byLine.values());
  }

  private static IngestStage.InputFile withoutFile(String root, Manifest manifest, String path, long line,
      Manifest.Fault fault) {
    boolean outside = CorpusPaths.escapesRoot(path);
    String why = manifest.at(line) + ": path '" + path + "' " + (outside
        ? "leads outside the corpus root (absolute, a drive or URI, or a '..' segment): never read"
        : "names no file under the corpus root")
        + (fault == null ? "" : "; the row is also faulty: " + fault.fault());
    return new IngestStage.InputFile(CorpusPaths.join(root, path), path, 0,
        outside ? RejectReason.OUTSIDE_CORPUS : RejectReason.MANIFEST_FILE_MISSING, why);
  }
}
