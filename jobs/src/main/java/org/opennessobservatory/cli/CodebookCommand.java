package org.opennessobservatory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.opennessobservatory.codebook.Codebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The codebook of every dataset, generated from the schema files (every run also writes one into its output). */
@Command(name = "codebook", mixinStandardHelpOptions = true,
    description = "Write the codebook (codebook.md and codebook.html: every dataset and column with type, "
        + "description, unit, allowed values and formula), generated from schemas/.")
final class CodebookCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "DIR",
      description = "Folder to write codebook.md and codebook.html into (created if missing; the two files are "
          + "replaced).")
  String to;

  @Override
  public Integer call() {
    Configuration conf = new Configuration();
    Path dir = new Path(to);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
        throw new UserException("--to " + to + " is a file; give a folder");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Codebook.write(to, conf);
    spec.commandLine().getOut().printf("codebook: %s, %s%n", new Path(dir, Codebook.MARKDOWN),
        new Path(dir, Codebook.HTML));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
