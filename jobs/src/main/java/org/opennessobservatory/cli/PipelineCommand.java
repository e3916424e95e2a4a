package org.opennessobservatory.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.opennessobservatory.codebook.Codebook;
import org.opennessobservatory.ingest.IngestJob;
import org.opennessobservatory.ingest.IngestSummary;
import org.opennessobservatory.ingest.ParseLimits;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.io.Memo;
import org.opennessobservatory.indicators.IndicatorsJob;
import org.opennessobservatory.influence.InfluenceJob;
import org.opennessobservatory.influence.InfluenceStage;
import org.opennessobservatory.indicators.IndicatorsStage;
import org.opennessobservatory.io.OutputRoot;
import org.opennessobservatory.io.RunManifest;
import org.opennessobservatory.io.StageInputs;
import org.opennessobservatory.mapping.IssueClassifier;
import org.opennessobservatory.mapping.IssuesJob;
import org.opennessobservatory.mapping.IssuesStage;
import org.opennessobservatory.mapping.LinksJob;
import org.opennessobservatory.mapping.LinksStage;
import org.opennessobservatory.mapping.Taxonomy;
import org.opennessobservatory.recommendations.RecommendationRegistry;
import org.opennessobservatory.recommendations.TrackJob;
import org.opennessobservatory.recommendations.TrackStage;
import org.opennessobservatory.openness.Rubric;
import org.opennessobservatory.privacy.PseudonymiseJob;
import org.opennessobservatory.openness.ScoreJob;
import org.opennessobservatory.openness.ScoreStage;
import org.opennessobservatory.report.ReportJob;
import org.opennessobservatory.speakers.ResolveJob;
import org.opennessobservatory.speakers.ResolveStage;
import org.opennessobservatory.transcripts.SegmentJob;
import org.opennessobservatory.transcripts.SegmentStage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command that runs stages: validate the arguments (before Spark starts, so user errors are
 * quick), start Spark, run, write the run manifest, print the summary, and stop Spark whatever happens.
 */
abstract class PipelineCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SparkOptions sparkOptions;

  @Mixin
  ParseOptions parseOptions;

  /** Where to read and write; subcommands supply it (from options, or fixed for the demo). */
  abstract String corpus();

  abstract String out();

  abstract String manifest();

  abstract boolean overwrite();

  /** Whether the stages after ingest run too (run, demo) or ingest alone. */
  abstract boolean allStages();

  /** The rubric file to score with; null for the shipped one. */
  String rubric() {
    return null;
  }

  /** The recommendation registry file; null for the shipped one. */
  String recommendations() {
    return null;
  }

  /** --pseudonymise and its key; null for commands without it (ingest alone). */
  PrivacyOptions privacy() {
    return null;
  }

  /** --incremental and its store; null for commands without it (the demo). */
  IncrementalOptions incremental() {
    return null;
  }

  /** The issue taxonomy file; null for the shipped one. */
  String taxonomy() {
    return null;
  }

  /** The issue classifier's examples: a file, null for the shipped ones, {@link IssueClassifier#NONE} for none. */
  String issueExamples() {
    return null;
  }

  @Override
  public Integer call() {
    ParseLimits limits = parseOptions.limits();
    byte[] pseudonymKey = privacy() == null ? null : privacy().key(out(), System.getenv());
    String store = incremental() == null ? null : incremental().store(out(), pseudonymKey != null);
    String runId = UUID.randomUUID().toString();
    Instant started = Instant.now();
    // A session that already exists (a notebook, a test) belongs to its creator: use it, leave it running.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create("observatory-" + spec.name(), sparkOptions);
    ConsoleProgress progress = ConsoleProgress.attach(spark, sparkOptions.quiet);
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    boolean staging = false;
    Throwable failure = null;
    try {
      Configuration conf = spark.sparkContext().hadoopConfiguration();
      checkOutput(conf, pseudonymKey != null, store);
      staging = pseudonymKey != null;
      // A pseudonymised run's stages write under _staging (PseudonymiseJob.plainRoot): a dataset holding real names
      // is never committed under the output root, whenever the run is killed; only its pseudonymised version is.
      String data = pseudonymKey == null ? out() : PseudonymiseJob.plainRoot(out());
      DatasetWriter writer = new DatasetWriter(spark, data);
      Memo memo = store == null ? null : new Memo(spark, store, runId);
      // A faulty rubric fails now, not after hours of ingest.
      Rubric rubric = allStages() ? ScoreJob.rubric(rubric(), conf) : null;
      // Trained now (seconds): examples that parse may still be too few to train on.
      IssueClassifier classifier = allStages()
          ? IssueClassifier.load(issueExamples(), conf, Taxonomy.load(taxonomy(), conf)) : null;
      if (allStages()) {
        // The corpus's registry tables too: a fault in one of them would otherwise stop the run after ingest. Each
        // stage reads its table again (they are small), so that a stage run alone checks it the same way.
        TrackJob.overrides(corpus(), conf, RecommendationRegistry.load(recommendations(), conf));
        ResolveJob.registry(corpus(), conf);
        IndicatorsJob.attendance(corpus(), conf);
        IndicatorsJob.processEvents(corpus(), conf);
      }
      // The previous run's manifest and datasets go before anything is written: a run killed from here on leaves
      // no manifest and only datasets of its own (each whole). For ingest alone this also drops the later stages'
      // outputs, which would no longer match the new documents.
      OutputRoot.prepare(out(), conf);
      Map<String, Object> datasets = new LinkedHashMap<>();
      Map<String, Object> stageSeconds = new LinkedHashMap<>();
      long t0 = System.nanoTime();
      stage(spark, progress, "ingest");
      IngestSummary ingest = IngestJob.run(spark, corpus(), manifest(), limits, writer, memo);
      stageSeconds.put("ingest", (System.nanoTime() - t0) / 1e9);
      datasets.put(IngestJob.DOCUMENTS, ingest.documents());
      datasets.put(IngestJob.REJECTS, ingest.rejects());
      stage(spark, progress, null);
      Summaries.printIngest(spec.commandLine().getOut(), ingest, (double) stageSeconds.get("ingest"), out());
      SegmentJob.Summary segment = null;
      ResolveJob.Summary resolve = null;
      IndicatorsJob.Summary indicators = null;
      ScoreJob.Summary score = null;
      IssuesJob.Summary issues = null;
      LinksJob.Summary links = null;
      TrackJob.Summary track = null;
      InfluenceJob.Summary influence = null;
      if (allStages()) {
        t0 = System.nanoTime();
        // Segmentation runs as resolve reads the utterances: one pass over the text, timed as one stage.
        stage(spark, progress, "segment+resolve");
        resolve = ResolveJob.run(spark,
            StageInputs.readAsWritten(spark, new Path(data, IngestJob.DOCUMENTS).toString()), corpus(), data, writer,
            memo);
        stageSeconds.put("segment+resolve", (System.nanoTime() - t0) / 1e9);
        segment = SegmentJob.summary(spark, data);
        stage(spark, progress, null);
        Summaries.printSegment(spec.commandLine().getOut(), segment);
        datasets.put(SegmentStage.UTTERANCES, segment.turns());
        datasets.put(ResolveStage.SPEAKERS, resolve.persons());
        datasets.put(ResolveStage.COVERAGE, segment.transcripts());
        Summaries.printResolve(spec.commandLine().getOut(), resolve, (double) stageSeconds.get("segment+resolve"),
            out());
        t0 = System.nanoTime();
        stage(spark, progress, "indicators");
        indicators = IndicatorsJob.run(spark, corpus(), data, writer);
        stageSeconds.put("indicators", (System.nanoTime() - t0) / 1e9);
        datasets.put(IndicatorsStage.SESSIONS, indicators.sessionRows());
        datasets.put(IndicatorsStage.FORUM_YEARS, indicators.forumYearRows());
        t0 = System.nanoTime();
        stage(spark, progress, "score");
        score = ScoreJob.run(spark, data, rubric, rubric() == null ? "reference/openness-rubric.yaml" : rubric(),
            writer);
        stageSeconds.put("score", (System.nanoTime() - t0) / 1e9);
        datasets.put(ScoreStage.CRITERIA, score.criteriaAssessed() + score.criteriaNotAssessed());
        datasets.put(ScoreStage.INDEX, score.forumYears());
        stage(spark, progress, null);
        Summaries.printScore(spec.commandLine().getOut(), indicators, score,
            (double) stageSeconds.get("indicators") + (double) stageSeconds.get("score"), out());
        t0 = System.nanoTime();
        stage(spark, progress, "issues");
        issues = IssuesJob.run(spark, data, taxonomy(), classifier, writer, memo);
        stageSeconds.put("issues", (System.nanoTime() - t0) / 1e9);
        datasets.put(IssuesStage.MENTIONS, issues.utteranceRows() + issues.documentRows());
        datasets.put(IssuesStage.MAP, issues.mapRows());
        t0 = System.nanoTime();
        stage(spark, progress, "links");
        links = LinksJob.run(spark, data, writer);
        stageSeconds.put("links", (System.nanoTime() - t0) / 1e9);
        datasets.put(LinksStage.FORUM_LINKS, links.rows());
        stage(spark, progress, null);
        Summaries.printMapping(spec.commandLine().getOut(), issues, links,
            (double) stageSeconds.get("issues") + (double) stageSeconds.get("links"), out());
        t0 = System.nanoTime();
        stage(spark, progress, "track");
        track = TrackJob.run(spark,
            StageInputs.readAsWritten(spark, new Path(data, IngestJob.DOCUMENTS).toString()), corpus(),
            recommendations(), writer);
        stageSeconds.put("track", (System.nanoTime() - t0) / 1e9);
        datasets.put(TrackStage.EVIDENCE, track.evidence());
        datasets.put(TrackStage.STATUS, track.statusRows());
        stage(spark, progress, null);
        Summaries.printTrack(spec.commandLine().getOut(), track, (double) stageSeconds.get("track"), out());
        t0 = System.nanoTime();
        stage(spark, progress, "influence");
        influence = InfluenceJob.run(spark, data, InfluenceStage.Config.defaults(), writer, memo);
        stageSeconds.put("influence", (System.nanoTime() - t0) / 1e9);
        datasets.put(InfluenceStage.PASSAGES, influence.passages());
        datasets.put(InfluenceStage.BY_GROUP, influence.byGroupRows());
        datasets.put(InfluenceStage.CLUSTERS, influence.clusters());
        stage(spark, progress, null);
        Summaries.printInfluence(spec.commandLine().getOut(), influence, (double) stageSeconds.get("influence"),
            out());
      }
      PseudonymiseJob.Summary pseudonymised = null;
      if (pseudonymKey != null) {
        t0 = System.nanoTime();
        stage(spark, progress, "pseudonymise");
        pseudonymised = PseudonymiseJob.run(spark, corpus(), data, out(), pseudonymKey, privacy().table,
            new DatasetWriter(spark, out()));
        stage(spark, progress, null);
        stageSeconds.put("pseudonymise", (System.nanoTime() - t0) / 1e9);
        spec.commandLine().getOut().printf("pseudonymise: %d persons, %d name forms replaced in %d datasets; key "
            + "table: %s%n", pseudonymised.persons(), pseudonymised.nameForms(), pseudonymised.datasets().size(),
            pseudonymised.keyTable() == null ? "not written" : pseudonymised.keyTable());
      }
      Map<String, Object> manifest = runManifest(runId, started, spark, limits, ingest);
      manifest.put("datasets", datasets);
      manifest.put("stage_seconds", stageSeconds);
      if (segment != null) {
        manifest.put("segment", segment);
        manifest.put("resolve", resolve);
        manifest.put("indicators", indicators);
        manifest.put("score", score);
        manifest.put("issues", issues);
        manifest.put("links", links);
        manifest.put("track", track);
        manifest.put("influence", influence);
      }
      // Last, after pseudonymisation (a release's report must show pseudonyms), so that the report shows the
      // manifest of this run (without its own time, added after). Ingest alone writes one too: every run ends with
      // a report, whose charts then say which datasets the run did not make.
      t0 = System.nanoTime();
      stage(spark, progress, "report");
      ReportJob.Summary report = ReportJob.run(spark, out(), manifest);
      stage(spark, progress, null);
      stageSeconds.put("report", (System.nanoTime() - t0) / 1e9);
      manifest.put("report", report);
      Summaries.printReport(spec.commandLine().getOut(), report);
      if (pseudonymised != null) {
        manifest.put("pseudonymised", pseudonymised);
      }
      Codebook.write(new Path(out(), Codebook.FOLDER).toString(), conf);
      manifest.put("finished_at", Instant.now().toString());
      RunManifest.write(out(), manifest, conf);
      if (memo != null) {
        // Only now: until this run's outputs are whole, the earlier results may still be needed.
        memo.prune();
      }
      spec.commandLine().getOut().print(Summaries.runTable(datasets, ingest.rejectsByReason(), stageSeconds));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      ConsoleProgress.detach(spark, progress);
      if (ownSession) {
        spark.stop();
      }
      if (failure != null && staging) {
        // The stages' datasets hold the real names the user asked to keep out: a failed run must not leave them.
        // After the session's end, when it is this run's: tasks of the failed job can still be writing until then.
        PseudonymiseJob.discardPlain(out(), hadoopConf, failure);
      }
    }
  }

  /**
   * Names the Spark jobs that follow after a pipeline stage (null: none), for the progress line; a stage's summary
   * line is printed on a cleared line.
   */
  private static void stage(SparkSession spark, ConsoleProgress progress, String name) {
    spark.sparkContext().setJobDescription(name);
    if (name == null && progress != null) {
      progress.clear();
    }
  }

  /** An output root that already holds files is replaced only when asked (its datasets, not foreign files). */
  private void checkOutput(Configuration conf, boolean pseudonymise, String store) {
    Path out = new Path(out());
    try {
      FileSystem fs = out.getFileSystem(conf);
      Path corpus = new Path(corpus());
      corpus = corpus.getFileSystem(conf).makeQualified(corpus);
      // Every file under the corpus is a document: the next run would ingest this run's Parquet files and store.
      if (isWithin(fs.makeQualified(out), corpus)) {
        throw new UserException("--out " + out() + " is inside --corpus " + corpus() + ", whose every file the next "
            + "run would read as a document; choose a folder outside the corpus");
      }
      Path storePath = store == null ? null : new Path(store);
      if (store != null && isWithin(storePath.getFileSystem(conf).makeQualified(storePath), corpus)) {
        throw new UserException("--incremental-store " + store + " is inside --corpus " + corpus() + ", whose every "
            + "file the next run would read as a document; choose a folder outside the corpus");
      }
      if (fs.exists(out)) {
        FileStatus[] children = fs.listStatus(out);
        if (!fs.getFileStatus(out).isDirectory()) {
          throw new UserException("--out " + out() + " is a file; give a folder");
        }
        if (children.length > 0 && !overwrite()) {
          throw new UserException("--out " + out() + " already holds files; pass --overwrite to replace its "
              + "datasets, or choose another folder");
        }
        Path plainStore = new Path(out, Memo.DEFAULT_FOLDER);
        if (pseudonymise && fs.exists(plainStore)) {
          // An earlier --incremental run's store holds the original text; a release must not carry it along.
          throw new UserException(plainStore + " holds the original text of an earlier --incremental run and would "
              + "stay inside this pseudonymised release: move it outside --out (then pass it as --incremental-store) "
              + "or delete it");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code path} is {@code folder} or lies under it (both qualified). */
  static boolean isWithin(Path path, Path folder) {
    for (Path p = path; p != null; p = p.getParent()) {
      if (p.equals(folder)) {
        return true;
      }
    }
    return false;
  }

  /** The run manifest's fixed parts; the caller adds datasets, stage times and stage summaries. */
  private Map<String, Object> runManifest(String runId, Instant started, SparkSession spark, ParseLimits limits,
      IngestSummary ingest) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("command", spec.name());
    m.put("started_at", started.toString());
    m.put("versions", new java.util.TreeMap<>(Observatory.versions()));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("corpus", ingest.corpus());
    config.put("manifest", ingest.manifest());
    config.put("out", out());
    config.put("spark.master", spark.sparkContext().master());
    config.put("spark.conf", sparkOptions.conf);
    config.put("parse_limits", limits);
    config.put("incremental_store", incremental() == null ? null : incremental().store(out(), false));
    m.put("configuration", config);
    Map<String, Object> corpus = new LinkedHashMap<>();
    corpus.put("files", ingest.files());
    corpus.put("bytes", ingest.bytes());
    corpus.put("fingerprint_sha256", ingest.fingerprint());
    corpus.put("manifest_rows", ingest.manifestRows());
    corpus.put("manifest_rows_without_file", ingest.manifestRowsWithoutFile());
    corpus.put("manifest_rows_invalid", ingest.manifestRowsInvalid());
    m.put("corpus", corpus);
    m.put("documents_by_type", ingest.documentsByType());
    m.put("rejects_by_reason", ingest.rejectsByReason());
    return m;
  }
}
