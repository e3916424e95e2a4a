package org.opennessobservatory.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.generate.FormatWriters;
import org.opennessobservatory.io.DatasetWriter;
import org.opennessobservatory.speakers.Registry;
import org.opennessobservatory.speakers.ResolveStage;
import org.opennessobservatory.speakers.StakeholderKeywords;
import org.opennessobservatory.testing.HostileFiles;
import org.opennessobservatory.testing.HostileParsers;
import org.opennessobservatory.testing.SparkTestBase;
import org.opennessobservatory.transcripts.SegmentStage;

/**
 * A corpus of hostile files, written at test time, through the real ingest job (listing, parse workers, Parquet) and
 * stages segment and resolve: every file ends as a document or a reject with the reason written beside it here, the
 * accounting holds, nothing outside the corpus is read, and a spinning parser costs its timeout and no more.
 */
class HostileCorpusTest extends SparkTestBase {
  /**
   * A small size limit; the text limit leaves the million-word turn whole. The timeout is generous for a spinning
   * parser because it must also hold for the good files on a loaded machine: at a load of 30 on 2 cores, a fresh
   * worker's first PDF took more than 5 s.
   */
  private static final ParseLimits LIMITS = new ParseLimits(6_000_000, 10, 15_000, 8L << 20, 256);
  private static final String SECRET = "SECRET-MARKER-OUTSIDE-7f3a";
  private static final String DOCUMENT = "document";

  @TempDir
  Path tmp;

  /** What a file must become: a document whose text passes {@code text}, or a reject with {@code reason}. */
  private record Expected(String outcome, Predicate<String> text, String why) {}

  private final Map<String, Expected> expected = new LinkedHashMap<>();

  private void document(String rel, String why, Predicate<String> text) {
    expected.put(rel, new Expected(DOCUMENT, text, why));
  }

  private void reject(String rel, RejectReason reason, String why) {
    expected.put(rel, new Expected(reason.id(), t -> true, why));
  }

  private Path write(Path corpus, String rel, byte[] bytes) throws IOException {
    Path file = corpus.resolve(rel);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private Path corpus() throws Exception {
    Path corpus = tmp.resolve("corpus");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), SECRET + " never to be read by the job\n");
    String d = "igf/2023/";
    byte[] pdf = HostileFiles.pdf();

    write(corpus, d + "report.pdf", pdf);
    document(d + "report.pdf", "a good PDF, for contrast", t -> t.contains("meaningful connectivity"));
    write(corpus, d + "empty.pdf", new byte[0]);
    reject(d + "empty.pdf", RejectReason.EMPTY, "0 bytes, named as a PDF");
    write(corpus, d + "zero.txt", new byte[0]);
    reject(d + "zero.txt", RejectReason.EMPTY, "0 bytes");
    write(corpus, d + "cut.pdf", HostileFiles.truncatedPdf());
    reject(d + "cut.pdf", RejectReason.CORRUPT, "a PDF cut in half");
    write(corpus, d + "garbage.pdf", HostileFiles.randomBytes(4096, 1));
    reject(d + "garbage.pdf", RejectReason.CORRUPT, "random bytes named .pdf");
    write(corpus, d + "locked.pdf", HostileFiles.encryptedPdf());
    reject(d + "locked.pdf", RejectReason.ENCRYPTED, "a password-protected PDF");
    write(corpus, d + "locked.docx", HostileFiles.encryptedDocx());
    reject(d + "locked.docx", RejectReason.ENCRYPTED, "a password-protected DOCX");
    write(corpus, d + "bomb.zip", HostileFiles.zipBomb(200));
    reject(d + "bomb.zip", RejectReason.ZIP_BOMB, "200 MB of text in a 200 KB zip");
    write(corpus, d + "nested.zip", HostileFiles.nestedZip(40));
    document(d + "nested.zip", "40 zips deep: opened 10 levels (--max-embedded), the rest skipped",
        t -> t.contains("level-") && !t.contains("innermost"));
    write(corpus, d + "hangs.txt", HostileParsers.SPIN);
    reject(d + "hangs.txt", RejectReason.TIMEOUT, "a parser that never returns, in a file named as plain text");
    write(corpus, d + "crashes.bin", HostileParsers.CRASH);
    reject(d + "crashes.bin", RejectReason.PARSER_CRASH, "a parser that kills its process");
    write(corpus, d + "really-a-pdf.docx", appendComment(pdf));
    document(d + "really-a-pdf.docx", "a PDF named .docx: parsed as what its bytes are",
        t -> t.contains("meaningful connectivity"));
    write(corpus, d + "really-text.pdf", "Plain notes on the open microphone, saved under the wrong name."
        .getBytes(StandardCharsets.UTF_8));
    document(d + "really-text.pdf", "text named .pdf: parsed as text", t -> t.contains("open microphone"));
    write(corpus, d + "really-a-docx.txt", HostileFiles.docx());
    document(d + "really-a-docx.txt", "a DOCX named .txt", t -> t.contains("meaningful connectivity"));
    try (RandomAccessFile sparse = new RandomAccessFile(corpus.resolve(d + "huge.pdf").toFile(), "rw")) {
      sparse.setLength(1L << 30);
    }
    reject(d + "huge.pdf", RejectReason.TOO_LARGE, "a 1 GB sparse file over the 8 MB limit: never read");
    write(corpus, d + "invalid-utf8.txt", HostileFiles.invalidUtf8());
    document(d + "invalid-utf8.txt", "invalid UTF-8 sequences", t -> t.contains("closing remarks on open"));
    write(corpus, d + "utf16-no-bom.txt", HostileFiles.utf16WithoutBom());
    document(d + "utf16-no-bom.txt", "UTF-16LE without a byte-order mark", t -> t.contains("Governance Forum"));
    write(corpus, d + "mixed-encodings.txt", HostileFiles.mixedEncodings());
    document(d + "mixed-encodings.txt", "UTF-8 then Windows-1252", t -> t.contains("S") && t.contains("Paulo"));
    write(corpus, d + "control-characters.txt", HostileFiles.controlCharacters());
    document(d + "control-characters.txt", "NUL, BEL, ESC … in the text", t -> t.contains("governance"));
    write(corpus, d + "one-long-line.txt", HostileFiles.longLine(100_000));
    document(d + "one-long-line.txt", "1.3 MB without a line break", t -> t.length() >= 1_299_999);
    write(corpus, d + "markers-only-transcript.txt", HostileFiles.markersOnlyTranscript());
    document(d + "markers-only-transcript.txt", "speaker markers and nothing said", t -> t.contains(">>"));
    write(corpus, d + "million-word-transcript.txt", HostileFiles.millionWordTurn());
    document(d + "million-word-transcript.txt", "a turn of a million words", t -> t.contains("BO LI"));
    write(corpus, d + "programme.html", HostileFiles.htmlWithScriptAndExternalEntity());
    document(d + "programme.html", "scripts and an external entity",
        t -> t.contains("Main session") && !t.contains("injected script") && !t.contains("root:"));
    write(corpus, d + "entities.xml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY s SYSTEM \""
        + outside.resolve("secret.txt").toUri() + "\">]>\n<r><p>Call for inputs on the agenda. &s;</p></r>\n")
        .getBytes(StandardCharsets.UTF_8));
    document(d + "entities.xml", "an XML external entity on a file outside the corpus",
        t -> t.contains("Call for inputs"));
    write(corpus, d + "entities.docx", HostileFiles.rewriteEntry(HostileFiles.docx(), "word/document.xml",
        x -> x.replaceFirst("\\?>", "?>\n<!DOCTYPE w:document [<!ENTITY s SYSTEM \""
            + outside.resolve("secret.txt").toUri() + "\">]>").replace("rural areas.", "rural areas. &s;")));
    reject(d + "entities.docx", RejectReason.CORRUPT, "a DOCX whose XML declares an external entity: refused");
    write(corpus, d + "drawing.svg", ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY s SYSTEM \""
        + outside.resolve("secret.txt").toUri() + "\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><title>Venue map</title><text>Hall A &s;</text>"
        + "<image xlink:href=\"" + outside.resolve("secret.txt").toUri() + "\"/></svg>\n")
        .getBytes(StandardCharsets.UTF_8));
    document(d + "drawing.svg", "an SVG with an external entity and an external image", t -> t.contains("Hall A"));

    // Links: out of the corpus (a file, a folder), round a loop, to nothing, and to a file inside.
    Files.createSymbolicLink(corpus.resolve(d + "link-out.txt"), outside.resolve("secret.txt"));
    reject(d + "link-out.txt", RejectReason.OUTSIDE_CORPUS, "a link to a file outside the corpus");
    Files.createSymbolicLink(corpus.resolve(d + "link-out-folder"), outside);
    reject(d + "link-out-folder", RejectReason.OUTSIDE_CORPUS, "a link to a folder outside the corpus");
    Files.createSymbolicLink(corpus.resolve(d + "loop"), corpus.resolve("igf"));
    reject(d + "loop", RejectReason.UNSUPPORTED, "a link to a folder above it: not followed, no loop");
    Files.createSymbolicLink(corpus.resolve(d + "dangling.txt"), tmp.resolve("nothing-here.txt"));
    reject(d + "dangling.txt", RejectReason.UNREADABLE, "a link to nothing (Hadoop's listing drops these)");
    Files.createSymbolicLink(corpus.resolve(d + "link-in.pdf"), corpus.resolve(d + "report.pdf"));
    reject(d + "link-in.pdf", RejectReason.DUPLICATE, "a link to a file of the corpus: read, same bytes");
    Process fifo = new ProcessBuilder("mkfifo", corpus.resolve(d + "pipe").toString()).start();
    Assertions.assertEquals(0, fifo.waitFor());
    reject(d + "pipe", RejectReason.UNSUPPORTED, "a named pipe: reading it would block for ever");

    Path locked = write(corpus, d + "no-permission.txt", "Minutes of the bureau.".getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(locked)) {
      // Running as root, permissions do not stop a read: the file is a document like any other.
      document(d + "no-permission.txt", "mode 000, read by root", t -> t.contains("bureau"));
    } else {
      reject(d + "no-permission.txt", RejectReason.UNREADABLE, "mode 000");
    }
    write(corpus, d + "vanishes.txt", "Deleted after the listing.".getBytes(StandardCharsets.UTF_8));
    reject(d + "vanishes.txt", RejectReason.UNREADABLE, "deleted between listing and reading");

    write(corpus, d + "faulty-row.txt", "Notes whose manifest row is wrong.".getBytes(StandardCharsets.UTF_8));
    reject(d + "faulty-row.txt", RejectReason.MANIFEST_INVALID, "its manifest row has a faulty doc_type: not parsed");

    String[] oddNames = {"we:ird %20 #1?.txt", "new\nline.txt", "\u00fcn\u00ef c\u00f6d\u00e9 \u2603.txt",
        "-dash 'quote\" *star.txt", "tab\there.txt"};
    for (int i = 0; i < oddNames.length; i++) {
      write(corpus, "odd/2023/" + oddNames[i], ("Odd name number " + i + " about digital inclusion.")
          .getBytes(StandardCharsets.UTF_8));
      document("odd/2023/" + oddNames[i], "a name with odd characters", t -> t.contains("digital inclusion"));
    }
    return corpus;
  }

  /** The same PDF with a comment after its end marker, so that it is not a byte copy of report.pdf. */
  private static byte[] appendComment(byte[] pdf) {
    byte[] out = java.util.Arrays.copyOf(pdf, pdf.length + 10);
    System.arraycopy("\n% renamed".getBytes(StandardCharsets.US_ASCII), 0, out, pdf.length, 10);
    return out;
  }

  @Test
  void everyHostileFileEndsAsADocumentOrARejectWithItsReason() throws Exception {
    Path corpus = corpus();
    Assertions.assertTrue(expected.size() >= 25, expected.size() + " kinds");
    org.apache.hadoop.conf.Configuration conf = spark().sparkContext().hadoopConfiguration();
    org.apache.hadoop.fs.Path root = CorpusListing.root(corpus.toString(), conf);
    List<IngestStage.InputFile> listed = CorpusListing.documents(root, conf);
    Files.delete(corpus.resolve("igf/2023/vanishes.txt"));
    // Rows naming no listed file: each is a reject of its own; those leading to the secret are never followed.
    Manifest manifest = Manifest.parse(new StringReader("""
        path,forum,doc_type
        igf/2023/report.pdf,IGF,outcome
        igf/2023/gone.pdf,IGF,outcome
        ../outside/secret.txt,IGF,outcome
        %s,IGF,outcome
        igf/../../outside/secret.txt,IGF,outcome
        igf/2023/faulty-row.txt,IGF,minutes
        """.formatted(tmp.resolve("outside/secret.txt"))), "manifest.csv");
    Map<String, String> rowsWithoutFile = new TreeMap<>(Map.of(
        "igf/2023/gone.pdf", RejectReason.MANIFEST_FILE_MISSING.id(),
        "../outside/secret.txt", RejectReason.OUTSIDE_CORPUS.id(),
        tmp.resolve("outside/secret.txt").toString(), RejectReason.OUTSIDE_CORPUS.id(),
        "igf/../../outside/secret.txt", RejectReason.OUTSIDE_CORPUS.id()));

    // Without the spinning file first (it pays the parse workers' start), then the whole corpus.
    List<IngestStage.InputFile> calm = listed.stream().filter(f -> !f.relPath().endsWith("hangs.txt")).toList();
    long t0 = System.nanoTime();
    IngestJob.ingest(spark(), root, null, manifest, calm, LIMITS,
        new DatasetWriter(spark(), tmp.resolve("out-calm").toString()), null);
    double calmSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    IngestSummary summary = IngestJob.ingest(spark(), root, null, manifest, listed, LIMITS,
        new DatasetWriter(spark(), tmp.resolve("out").toString()), null);
    double allSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("hostile corpus: %d files; ingest without the spinning file %.1f s, with it %.1f s "
        + "(timeout %.1f s)%n", listed.size(), calmSeconds, allSeconds, LIMITS.timeoutMillis() / 1e3);

    Dataset<Row> documents = spark().read().parquet(tmp.resolve("out/documents").toString());
    Dataset<Row> rejects = spark().read().parquet(tmp.resolve("out/rejects").toString());
    Map<String, String> outcome = new TreeMap<>();
    Map<String, String> texts = new HashMap<>();
    Map<String, String> messages = new TreeMap<>();
    for (Row r : documents.select("rel_path", "text").collectAsList()) {
      Assertions.assertEquals(null, outcome.put(r.getString(0), DOCUMENT), "twice: " + r.getString(0));
      texts.put(r.getString(0), r.getString(1));
    }
    for (Row r : rejects.select("rel_path", "reason", "message").collectAsList()) {
      Assertions.assertEquals(null, outcome.put(r.getString(0), r.getString(1)), "twice: " + r.getString(0));
      messages.put(r.getString(0), r.getString(2));
    }

    // Accounting: every listed file and every manifest row without a file exactly once, nothing else.
    Assertions.assertEquals(expected.keySet().stream().sorted().toList(),
        listed.stream().map(IngestStage.InputFile::relPath).sorted().toList(), "the listing");
    Map<String, String> withoutFile = new TreeMap<>(outcome);
    withoutFile.keySet().removeAll(expected.keySet());
    Assertions.assertEquals(rowsWithoutFile, withoutFile, "the manifest rows without a file, and nothing else");
    Assertions.assertTrue(outcome.keySet().containsAll(expected.keySet()), "every listed file");
    Assertions.assertEquals(rowsWithoutFile.size(), summary.manifestRowsWithoutFile());
    Assertions.assertEquals(listed.size() + rowsWithoutFile.size(), summary.documents() + summary.rejects());
    List<String> wrong = new ArrayList<>();
    expected.forEach((rel, e) -> {
      String got = outcome.get(rel);
      if (!e.outcome().equals(got)) {
        wrong.add(rel + " (" + e.why() + "): expected " + e.outcome() + ", got " + got + " " + messages.get(rel));
      } else if (DOCUMENT.equals(got) && !e.text().test(texts.get(rel))) {
        String t = texts.get(rel);
        wrong.add(rel + " (" + e.why() + "): unexpected text " + t.substring(0, Math.min(200, t.length())));
      }
    });
    Assertions.assertEquals(List.of(), wrong);
    Assertions.assertEquals("no result after 15000 ms; the parse worker was killed",
        messages.get("igf/2023/hangs.txt"));
    Assertions.assertEquals("identical bytes to igf/2023/report.pdf", messages.get("igf/2023/link-in.pdf"));
    Assertions.assertTrue(messages.get("igf/2023/link-out.txt").endsWith("outside the corpus root: not read"),
        messages.get("igf/2023/link-out.txt"));

    // Nothing outside the corpus reached any output.
    Assertions.assertEquals(0, documents.filter(col("text").contains(SECRET)).count(), "the secret was read");
    Assertions.assertFalse(String.join("\n", messages.values()).contains(SECRET));
    Assertions.assertEquals("manifest.csv line 3: path 'igf/2023/gone.pdf' names no file under the corpus root",
        messages.get("igf/2023/gone.pdf"));
    Assertions.assertEquals("manifest.csv line 7: doc_type 'minutes' is not one of agenda, announcement, "
        + "contribution, other, outcome, programme, session_report, transcript", messages.get("igf/2023/faulty-row.txt"));
    for (String row : List.of("../outside/secret.txt", tmp.resolve("outside/secret.txt").toString(),
        "igf/../../outside/secret.txt")) {
      Assertions.assertTrue(messages.get(row).endsWith("leads outside the corpus root (absolute, a drive or URI, "
          + "or a '..' segment): never read"), messages.get(row));
    }

    // A spinning parser holds up its own task slot for its timeout and a worker restart, not the run.
    Assertions.assertTrue(allSeconds < calmSeconds + LIMITS.timeoutMillis() / 1e3 + 10,
        "with the spinning file " + allSeconds + " s, without " + calmSeconds + " s");

    segmentAndResolve(documents);
  }

  /** The transcripts among the hostile documents go through stages segment and resolve. */
  private void segmentAndResolve(Dataset<Row> documents) {
    Dataset<Row> utterances = SegmentStage.utterances(documents);
    ResolveStage.Resolution resolved = ResolveStage.resolve(spark(), utterances,
        ResolveStage.Lookups.of(Registry.empty(), StakeholderKeywords.shipped()), true);
    try {
      Map<String, List<Long>> wordsByFile = new TreeMap<>();
      Map<String, String> fileOf = new HashMap<>();
      for (Row r : documents.select("doc_id", "rel_path").collectAsList()) {
        fileOf.put(r.getString(0), r.getString(1));
      }
      for (Row r : resolved.utterances().orderBy("doc_id", "turn_index").select("doc_id", "words", "speaker_name")
          .collectAsList()) {
        wordsByFile.computeIfAbsent(fileOf.get(r.getString(0)), k -> new ArrayList<>()).add(r.getLong(1));
      }
      Assertions.assertEquals(List.of(1_000_000L, 2L), wordsByFile.get("igf/2023/million-word-transcript.txt"));
      List<Long> markers = wordsByFile.getOrDefault("igf/2023/markers-only-transcript.txt", List.of());
      Assertions.assertEquals(0L, markers.stream().mapToLong(Long::longValue).sum(), "markers only: " + markers);
      Assertions.assertTrue(resolved.speakers().count() >= 2, "Ana Perez and Bo Li");
    } finally {
      resolved.unpersist();
    }
  }
}
