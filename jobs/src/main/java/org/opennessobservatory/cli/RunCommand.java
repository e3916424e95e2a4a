package org.opennessobservatory.cli;

import picocli.CommandLine.Command;

/** Every stage that exists, in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline over a corpus: every stage, in order (in this version: ingest, segment).")
final class RunCommand extends IngestCommand {
  @Override
  boolean allStages() {
    return true;
  }
}
