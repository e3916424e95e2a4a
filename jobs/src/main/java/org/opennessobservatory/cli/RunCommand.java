package org.opennessobservatory.cli;

import picocli.CommandLine.Command;

/** Every stage that exists, in order (today: ingest). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline over a corpus: every stage, in order (in this version: ingest).")
final class RunCommand extends IngestCommand {}
