package org.opennessobservatory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Every stage that exists, in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline over a corpus: every stage, in order (in this version: ingest, segment, "
        + "resolve, indicators, score).")
final class RunCommand extends IngestCommand {
  @Option(names = "--rubric", paramLabel = "FILE", description = "Openness rubric (YAML) to score with instead of the "
      + "shipped reference/openness-rubric.yaml; checked before any stage runs.")
  String rubric;

  @Override
  String rubric() {
    return rubric;
  }

  @Override
  boolean allStages() {
    return true;
  }
}
