package org.opennessobservatory.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The whole pipeline over the shipped data-samples corpus, on this machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline over data-samples/corpus into ./output (replaced on each run), "
        + "on a local Spark master.")
final class DemoCommand extends PipelineCommand {
  @Option(names = "--out", paramLabel = "PATH", description = "Output root (default ${DEFAULT-VALUE}).")
  String out = "output";

  @Mixin
  PrivacyOptions privacy;

  @Override
  PrivacyOptions privacy() {
    return privacy;
  }

  @Override
  String corpus() {
    // bin/observatory passes the checkout it runs from; otherwise the current folder must be the checkout.
    Path corpus = Path.of(System.getProperty("observatory.home", "."), "data-samples", "corpus");
    if (!Files.isDirectory(corpus)) {
      throw new UserException(corpus + " not found: run the demo from the repository root, or use "
          + "'observatory run --corpus …'");
    }
    return corpus.toAbsolutePath().normalize().toString();
  }

  @Override
  String out() {
    return out;
  }

  @Override
  String manifest() {
    return null;
  }

  @Override
  boolean overwrite() {
    return true;
  }

  @Override
  public Integer call() {
    if (sparkOptions.master == null) {
      sparkOptions.master = "local[*]";
    }
    return super.call();
  }

  @Override
  boolean allStages() {
    return true;
  }
}
