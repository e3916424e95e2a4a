package org.opennessobservatory.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code _run.json} at the output root: what produced the datasets beside it (versions, configuration, corpus
 * fingerprint, counts). Written last, whole (to a temporary name, then renamed), and removed when a run starts
 * (OutputRoot), so its presence says the datasets beside it are one finished run.
 */
public final class RunManifest {
  public static final String FILE = "_run.json";
  static final String PARTIAL = FILE + ".partial";

  private RunManifest() {}

  public static void write(String outRoot, Map<String, Object> content, Configuration conf) {
    Path file = new Path(outRoot, FILE);
    Path partial = new Path(outRoot, PARTIAL);
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (OutputStream out = fs.create(partial, true)) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, content);
      }
      fs.delete(file, false);
      if (!fs.rename(partial, file)) {
        throw new IOException("cannot move " + partial + " to " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }
}
