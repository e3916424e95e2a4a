package org.opennessobservatory.ingest;

/** Paths of files relative to the corpus root, written one way everywhere (manifest keys, output rows). */
public final class CorpusPaths {
  private CorpusPaths() {}

  /** Forward slashes, no leading "./" or "/" repeats: "a\\b//c" and "./a/b/c" both become "a/b/c". */
  public static String normalise(String path) {
    String p = path.strip().replace('\\', '/').replaceAll("/{2,}", "/");
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  /** The part of {@code file} under {@code root}; both are absolute URIs or paths as the file system lists them. */
  public static String relativise(String root, String file) {
    String r = root.endsWith("/") ? root : root + "/";
    if (!file.startsWith(r)) {
      throw new IllegalArgumentException(file + " is not under the corpus root " + root);
    }
    return normalise(file.substring(r.length()));
  }

  /** The last path segment. */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
