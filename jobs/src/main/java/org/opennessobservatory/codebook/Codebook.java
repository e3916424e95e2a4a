package org.opennessobservatory.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Writes codebook.md and codebook.html into a folder (local, hdfs://, s3a://: through Hadoop's FileSystem). */
public final class Codebook {
  public static final String MARKDOWN = "codebook.md";
  public static final String HTML = "codebook.html";
  /** The folder of an output root that holds the run's codebook. */
  public static final String FOLDER = "codebook";

  private Codebook() {}

  /** The two files' contents, Markdown first, as generated from the schema files on the class path now. */
  public static List<String> generate() {
    String markdown = CodebookMarkdown.render(DatasetCatalogue.load());
    return List.of(markdown, CodebookHtml.render(markdown));
  }

  public static void write(String dir, Configuration conf) {
    List<String> files = generate();
    Path folder = new Path(dir);
    // An instance of its own, not the shared cached one: without checksums, which on a local disk would leave
    // .crc files beside the codebook (e.g. in docs/), and without changing how anyone else writes.
    try (FileSystem fs = FileSystem.newInstance(folder.toUri(), conf)) {
      fs.setWriteChecksum(false);
      write(fs, new Path(folder, MARKDOWN), files.get(0));
      write(fs, new Path(folder, HTML), files.get(1));
    } catch (IOException e) {
      throw new UncheckedIOException("writing the codebook into " + dir, e);
    }
  }

  private static void write(FileSystem fs, Path file, String content) throws IOException {
    try (OutputStream out = fs.create(file, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
