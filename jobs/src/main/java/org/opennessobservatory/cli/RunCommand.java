package org.opennessobservatory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Every stage that exists, in order. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline over a corpus: every stage, in order (in this version: ingest, segment, "
        + "resolve, indicators, score, issues, links, track, influence, report).")
final class RunCommand extends IngestCommand {
  @Option(names = "--rubric", paramLabel = "FILE", description = "Openness rubric (YAML) to score with instead of the "
      + "shipped reference/openness-rubric.yaml; checked before any stage runs.")
  String rubric;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "Issue taxonomy (YAML) to find issues with "
      + "instead of the shipped reference/issue-taxonomy.yaml; checked before any stage runs.")
  String taxonomy;

  @Option(names = "--issue-examples", paramLabel = "FILE|none", description = "Labelled sentences (the gold set's "
      + "TSV format) to train stage issues' classifier on instead of the shipped reference/issue-examples.tsv; none "
      + "finds issues by the taxonomy's terms alone. Needed with a --taxonomy whose issue ids differ from the "
      + "shipped one's; checked before any stage runs.")
  String issueExamples;

  @Option(names = "--recommendations", paramLabel = "FILE", description = "Registry of the CSTD WG 2012 "
      + "recommendations (YAML) to track instead of the shipped one; checked before any stage runs.")
  String recommendations;

  @Mixin
  PrivacyOptions privacy;

  @Override
  PrivacyOptions privacy() {
    return privacy;
  }

  @Override
  String recommendations() {
    return recommendations;
  }

  @Override
  String rubric() {
    return rubric;
  }

  @Override
  String taxonomy() {
    return taxonomy;
  }

  @Override
  String issueExamples() {
    return issueExamples;
  }

  @Override
  boolean allStages() {
    return true;
  }
}
