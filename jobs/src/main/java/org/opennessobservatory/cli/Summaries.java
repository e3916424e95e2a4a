package org.opennessobservatory.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.opennessobservatory.ingest.IngestSummary;
import org.opennessobservatory.indicators.IndicatorsJob;
import org.opennessobservatory.influence.InfluenceJob;
import org.opennessobservatory.mapping.IssueClassifier;
import org.opennessobservatory.mapping.IssuesJob;
import org.opennessobservatory.mapping.LinksJob;
import org.opennessobservatory.recommendations.TrackJob;
import org.opennessobservatory.report.ReportJob;
import org.opennessobservatory.openness.ScoreJob;
import org.opennessobservatory.query.TextTable;
import org.opennessobservatory.speakers.ResolveJob;
import org.opennessobservatory.transcripts.SegmentJob;

/** The end-of-run lines on the console. */
final class Summaries {
  private Summaries() {}

  static void printIngest(PrintWriter out, IngestSummary s, double seconds, String outRoot) {
    String reasons = s.rejectsByReason().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    // Manifest rows naming no file are rejects too: the counts on either side of the arrow add up.
    out.printf("ingest: %d files (%.1f MB)%s -> %d documents, %d rejects%s%n", s.files(), s.bytes() / 1e6,
        s.manifestRowsWithoutFile() == 0 ? "" : " + " + s.manifestRowsWithoutFile() + " manifest rows without a file",
        s.documents(), s.rejects(), reasons.isEmpty() ? "" : " (" + reasons + ")");
    out.printf("        %.1f s, %.1f documents/s, %.2f MB/s%s%n", seconds, s.files() / seconds,
        s.bytes() / 1e6 / seconds, s.reusedParses() == 0 ? ""
            : "; " + s.reusedParses() + " documents unchanged since an earlier run, their parse reused");
    if (s.manifestRowsWithoutFile() + s.manifestRowsInvalid() > 0) {
      out.printf("        manifest rows: %d naming no file in the corpus, %d with a faulty value; each is a reject "
          + "whose message names its line%n", s.manifestRowsWithoutFile(), s.manifestRowsInvalid());
    }
    out.printf("outputs: %s/documents, %s/rejects, %s/_run.json%n", outRoot, outRoot, outRoot);
    out.flush();
  }

  static void printSegment(PrintWriter out, SegmentJob.Summary s) {
    out.printf("segment: %d transcripts -> %d turns, %d words (%.1f%% in turns whose label names a person)%n",
        s.transcripts(), s.turns(), s.words(), s.words() == 0 ? 0 : 100.0 * s.namedWords() / s.words());
    out.flush();
  }

  static void printResolve(PrintWriter out, ResolveJob.Summary s, double seconds, String outRoot) {
    out.printf("resolve: %d persons (%d in the registry of %d%s), %.1f%% of words attributed to a named person, "
            + "%d turns named by a self-introduction; segment + resolve %.1f s%s%n", s.persons(), s.fromRegistry(),
        s.registryPersons(),
        s.registry() == null ? ", none in the corpus" : "", s.words() == 0 ? 0 : 100.0 * s.namedWords() / s.words(),
        s.selfIntroducedTurns(), seconds, (s.reusedTranscripts() == 0 ? ""
            : "; " + s.reusedTranscripts() + " transcripts unchanged since an earlier run, their turns reused")
            + (s.keptForumYears() == 0 ? ""
            : "; " + s.keptForumYears() + " forum-years unchanged since an earlier run, their utterances reused"));
    out.printf("outputs: %s/utterances, %s/speakers, %s/transcript_coverage%n", outRoot, outRoot, outRoot);
    out.flush();
  }

  static void printScore(PrintWriter out, IndicatorsJob.Summary i, ScoreJob.Summary s, double seconds,
      String outRoot) {
    out.printf("indicators: %d session_indicators rows, %d forum-years (attendance: %s, process events: %s); score: "
            + "rubric %s (%d criteria), %d of %d forum-years with an overall, %d criteria assessed, %d not assessed, %.1f s%n",
        i.sessionRows(), i.forumYearRows(), i.attendance() == null ? "none" : i.attendanceFigures() + " figures",
        i.processEvents() == null ? "none" : i.processEventRows() + " rows", s.rubricVersion(), s.rubricCriteria(),
        s.forumYearsWithOverall(), s.forumYears(), s.criteriaAssessed(), s.criteriaNotAssessed(), seconds);
    out.printf("outputs: %s/session_indicators, %s/forum_year_indicators, %s/openness_criteria, %s/openness_index%n",
        outRoot, outRoot, outRoot, outRoot);
    out.flush();
  }

  static void printMapping(PrintWriter out, IssuesJob.Summary i, LinksJob.Summary l, double seconds,
      String outRoot) {
    out.printf("issues: taxonomy %s (%d issues), %s, %d utterance and %d document mentions (%d found by the "
            + "classifier alone), %d map rows, %.0f%% of sentences lemmatized%s; links: %d (%d person links, %d "
            + "issue_first links, %d reused passages; a person or issue has a link per forum pair), %.1f s%n",
        i.taxonomyVersion(), i.issues(), i.classifier() == null ? IssueClassifier.ABSENT : i.classifier(),
        i.utteranceRows(), i.documentRows(), i.classifierOnlyRows(), i.mapRows(),
        100 * i.lemmatizedShare(), i.keptForumYears() == 0 ? "" : " (" + i.keptForumYears()
            + " forum-years unchanged since an earlier run, their mentions reused)",
        l.rows(), l.persons(), l.issues(), l.reusedPassages(), seconds);
    out.printf("outputs: %s/issue_mentions, %s/stakeholder_issue_map, %s/forum_links%n", outRoot, outRoot, outRoot);
    out.flush();
  }

  static void printTrack(PrintWriter out, TrackJob.Summary t, double seconds, String outRoot) {
    out.printf("track: %d recommendations (%s %s), %d evidence passages, %d status rows (%s), %d overridden by "
            + "evaluators, %.1f s%n", t.recommendations(), t.registry(), t.registryVersion(), t.evidence(),
        t.statusRows(), t.rulesVersion(), t.overridden(), seconds);
    out.printf("outputs: %s/recommendation_evidence, %s/recommendation_status%n", outRoot, outRoot);
    out.flush();
  }

  static void printInfluence(PrintWriter out, InfluenceJob.Summary s, double seconds, String outRoot) {
    out.printf("influence: %d candidate pairs examined, %d passages (%d boilerplate), %d outcome x group rows, %d "
            + "reuse cluster%s, %.1f s%s%s%n", s.pairsExamined(), s.passages(), s.boilerplatePassages(),
        s.byGroupRows(), s.clusters(), s.clusters() == 1 ? "" : "s", seconds, s.reusedProcesses() == 0 ? ""
            : "; " + s.reusedProcesses() + " processes unchanged since an earlier run, their alignments reused",
        s.keptForumYears() == 0 ? "" : "; " + s.keptForumYears()
            + " forum-years unchanged since an earlier run, their passages reused");
    out.printf("outputs: %s/influence_passages, %s/influence_by_group, %s/reuse_clusters%n", outRoot, outRoot,
        outRoot);
    out.flush();
  }

  static void printReport(PrintWriter out, ReportJob.Summary s) {
    out.printf("report: %d charts drawn%s, %.0f KB, %.1f s%n", s.drawn().size(),
        s.empty().isEmpty() ? "" : ", " + s.empty().size() + " without data (" + String.join(", ", s.empty()) + ")",
        s.bytes() / 1e3, s.millis() / 1e3);
    out.printf("outputs: %s%n", s.path());
    out.flush();
  }

  /**
   * The table every run ends with, gathering what the stage lines said: rows per dataset, rejected files by reason,
   * seconds per stage and in all.
   */
  static String runTable(Map<String, ?> rowsPerDataset, Map<String, Long> rejectsByReason,
      Map<String, ?> stageSeconds) {
    List<List<String>> datasets = new ArrayList<>();
    rowsPerDataset.forEach((name, rows) -> datasets.add(List.of(name, String.valueOf(rows))));
    List<List<String>> rejects = new ArrayList<>();
    rejectsByReason.forEach((reason, files) -> rejects.add(List.of(reason, String.valueOf(files))));
    List<List<String>> stages = new ArrayList<>();
    double total = 0;
    for (Map.Entry<String, ?> e : stageSeconds.entrySet()) {
      double seconds = ((Number) e.getValue()).doubleValue();
      total += seconds;
      stages.add(List.of(e.getKey(), String.format(Locale.ROOT, "%.1f", seconds)));
    }
    stages.add(List.of("total", String.format(Locale.ROOT, "%.1f", total)));
    boolean[] numeric = {false, true};
    return "run summary\n" + TextTable.format(List.of("dataset", "rows"), numeric, datasets) + "\n"
        + TextTable.format(List.of("rejected as", "files"), numeric,
            rejects.isEmpty() ? List.of(List.of("(none)", "0")) : rejects)
        + "\n" + TextTable.format(List.of("stage", "seconds"), numeric, stages);
  }
}
