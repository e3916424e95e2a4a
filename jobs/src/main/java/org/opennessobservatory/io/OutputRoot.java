package org.opennessobservatory.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.opennessobservatory.schema.Schemas;

/**
 * Readies an output root for a run so that, wherever the run is killed, what it leaves cannot pass for a finished
 * run: the run manifest goes first (its presence is the only sign of a complete run), then what a killed run left
 * in {@code _staging}, then the previous run's datasets, so that a killed run never leaves old and new datasets side
 * by side. Folders that are not datasets of ours are left alone.
 */
public final class OutputRoot {
  private OutputRoot() {}

  /** What a run writes beside its datasets (the report, the codebook): as stale as the datasets once a run starts. */
  static final Set<String> RUN_PAGES = Set.of("report", "codebook");

  public static void prepare(String outRoot, Configuration conf) {
    Path root = new Path(outRoot);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return;
      }
      fs.delete(new Path(root, RunManifest.FILE), false);
      fs.delete(new Path(root, RunManifest.PARTIAL), false);
      Path staging = new Path(root, DatasetWriter.STAGING);
      fs.delete(staging, true);
      // Each dataset leaves its name by one rename; the deleting happens out of sight, in _staging.
      Path removed = new Path(staging, "removed");
      fs.mkdirs(removed);
      for (FileStatus child : fs.listStatus(root)) {
        String name = child.getPath().getName();
        if (child.isDirectory() && (Schemas.exists(name) || RUN_PAGES.contains(name))
            && !fs.rename(child.getPath(), new Path(removed, child.getPath().getName()))) {
          throw new IOException("cannot move " + child.getPath() + " aside");
        }
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("clearing " + root + " for a new run", e);
    }
  }
}
