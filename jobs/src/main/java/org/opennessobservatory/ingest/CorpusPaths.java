package org.opennessobservatory.ingest;

import java.text.Normalizer;

/** Paths of files relative to the corpus root, written one way everywhere (manifest keys, output rows). */
public final class CorpusPaths {
  private CorpusPaths() {}

  /**
   * Forward slashes, no leading "./" or "/" repeats: "a\\b//c" and "./a/b/c" both become "a/b/c". Unicode in NFC:
   * macOS writes "café" in file names as "cafe" and a combining accent (NFD), a manifest typed anywhere as "café".
   */
  public static String normalise(String path) {
    String p = Normalizer.normalize(path.strip(), Normalizer.Form.NFC).replace('\\', '/').replaceAll("/{2,}", "/");
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  /**
   * Whether a normalised path relative to the root leads outside it (or ignores it): an absolute path, a URI or
   * drive letter ("file:", "hdfs:", "C:"), or a ".." segment.
   */
  public static boolean escapesRoot(String path) {
    return path.startsWith("/") || path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")
        || java.util.Arrays.asList(path.split("/")).contains("..");
  }

  /** The part of {@code file} under {@code root}; both are absolute URIs or paths as the file system lists them. */
  public static String relativise(String root, String file) {
    String r = root.endsWith("/") ? root : root + "/";
    if (!file.startsWith(r)) {
      throw new IllegalArgumentException(file + " is not under the corpus root " + root);
    }
    return normalise(file.substring(r.length()));
  }

  /**
   * The root and a relative path joined as strings, for a path to name in a message or row: nothing resolves or
   * opens it, so a relative path that escapes the root ("../x") stays visibly what it is.
   */
  public static String join(String root, String relPath) {
    return (root.endsWith("/") ? root : root + "/") + relPath;
  }

  /** The last path segment. */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
