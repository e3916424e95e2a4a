package org.opennessobservatory.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.opennessobservatory.cli.UserException;

/**
 * A reference file a stage reads (taxonomy, recommendation registry): the one the user names, on any Hadoop file
 * system, or the one shipped on the class path. A missing or unreadable user file is a one-line user error.
 */
public final class ReferenceFile {
  private ReferenceFile() {}

  /** The shipped resource, parsed: its absence is a packaging bug, not a user error. */
  public static <T> T shipped(String resource, BiFunction<String, Reader, T> parser) {
    try (InputStream in = ReferenceFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return parser.apply(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The file at {@code path}, parsed, or the shipped resource when {@code path} is null.
   *
   * @param what the file's name in messages ("issue taxonomy")
   * @param option the option that names it ("--taxonomy")
   */
  public static <T> T load(String path, Configuration conf, String resource, String what, String option,
      BiFunction<String, Reader, T> parser) {
    if (path == null) {
      return shipped(resource, parser);
    }
    Path p = new Path(path);
    try {
      if (!p.getFileSystem(conf).exists(p)) {
        throw new UserException(what + " " + path + " does not exist (give the file to " + option + ")");
      }
      try (InputStream in = p.getFileSystem(conf).open(p)) {
        return parser.apply(path, new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UserException("cannot read " + what + " " + path + ": " + e.getMessage());
    }
  }
}
