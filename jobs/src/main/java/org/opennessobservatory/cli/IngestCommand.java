package org.opennessobservatory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Stage ingest alone: corpus files into documents and rejects. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Parse every file of a corpus with Apache Tika into the documents dataset; each file that cannot "
        + "be used becomes a rejects row with its reason.")
class IngestCommand extends PipelineCommand {
  @Mixin
  CorpusOptions corpusOptions;

  @Mixin
  IncrementalOptions incrementalOptions;

  @Override
  IncrementalOptions incremental() {
    return incrementalOptions;
  }

  @Override
  String corpus() {
    return corpusOptions.corpus;
  }

  @Override
  String out() {
    return corpusOptions.out;
  }

  @Override
  String manifest() {
    return corpusOptions.manifest;
  }

  @Override
  boolean overwrite() {
    return corpusOptions.overwrite || incrementalOptions.incremental;
  }

  @Override
  boolean allStages() {
    return false;
  }
}
