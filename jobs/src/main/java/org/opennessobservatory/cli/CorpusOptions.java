package org.opennessobservatory.cli;

import picocli.CommandLine.Option;

/** What to read and where to write. */
public final class CorpusOptions {
  @Option(names = "--corpus", required = true, paramLabel = "PATH",
      description = "Folder holding the documents (local path, hdfs://, s3a://), optionally with manifest.csv.")
  String corpus;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Output root: one Parquet folder per dataset, plus _run.json.")
  String out;

  @Option(names = "--manifest", paramLabel = "FILE",
      description = "Manifest to use instead of <corpus>/manifest.csv (paths in it are relative to --corpus).")
  String manifest;

  @Option(names = "--overwrite", description = "Replace the datasets of an existing output root.")
  boolean overwrite;
}
