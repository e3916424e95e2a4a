package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Manifest rows against a listing, without Spark or a file system: what each file and each row becomes. */
class IngestInputsTest {
  private static final String ROOT = "file:/corpus";

  private static final Manifest MANIFEST = Manifest.parse(new StringReader("""
      path,forum,forum_level,year
      igf/2023/a.txt,IGF,global,2023
      igf/2023/b.txt,IGF,continental,2023
      igf/2023/link.txt,IGF,global,23
      igf/2023/gone.pdf,IGF,global,2023
      ../outside/secret.txt,IGF,global,2023
      /etc/passwd,IGF,global,2023
      C:\\Windows\\win.ini,IGF,global,2023
      igf/../../x.txt,IGF,global,2023
      igf/2023/gone-and-faulty.pdf,IGF,global,twenty
      """), "file:/corpus/manifest.csv");

  private static final List<IngestStage.InputFile> LISTED = List.of(
      new IngestStage.InputFile("file:/corpus/igf/2023/a.txt", "igf/2023/a.txt", 10),
      new IngestStage.InputFile("file:/corpus/igf/2023/b.txt", "igf/2023/b.txt", 20),
      new IngestStage.InputFile("file:/corpus/igf/2023/c.txt", "igf/2023/c.txt", 30),
      new IngestStage.InputFile("file:/corpus/igf/2023/link.txt", "igf/2023/link.txt", 0,
          RejectReason.OUTSIDE_CORPUS, "a symbolic link to /x, outside the corpus root: not read"));

  /** A name written on disk in NFD (as macOS writes it) is the manifest's row written in NFC. */
  @Test
  void aFileNameInAnotherUnicodeFormIsTheRowOfTheSameName() {
    String nfd = "file:/corpus/igf/2023/Sesio\u0301n-cafe\u0301.txt";
    Manifest manifest = Manifest.parse(
        new StringReader("path,forum,year\nigf/2023/Sesi\u00f3n-caf\u00e9.txt,igf,2023\n"), "file:/corpus/manifest.csv");
    IngestStage.InputFile listed = new IngestStage.InputFile(nfd, CorpusPaths.relativise(ROOT, nfd), 10);
    assertEquals("igf/2023/Sesi\u00f3n-caf\u00e9.txt", listed.relPath());
    assertEquals(List.of(), IngestInputs.rowsWithoutFile(ROOT, manifest, List.of(listed)));
  }

  @Test
  void aListedFileWithAFaultyRowIsRefusedUnreadWithTheRowsMessage() {
    assertEquals(List.of(
        LISTED.get(0),
        new IngestStage.InputFile("file:/corpus/igf/2023/b.txt", "igf/2023/b.txt", 20,
            RejectReason.MANIFEST_INVALID, "file:/corpus/manifest.csv line 3: forum_level 'continental' is not "
                + "one of global, national, other, regional, youth"),
        LISTED.get(2),
        LISTED.get(3)), IngestInputs.refuseFaulty(LISTED, MANIFEST),
        "the listing's own refusal of the link stands; files without a row or with a valid one are untouched");
  }

  @Test
  void aRowNamingNoListedFileIsARejectAndOneLeavingTheRootIsOutsideCorpus() {
    String at = "file:/corpus/manifest.csv line ";
    String outside = "' leads outside the corpus root (absolute, a drive or URI, or a '..' segment): never read";
    assertEquals(List.of(
        new IngestStage.InputFile("file:/corpus/igf/2023/gone.pdf", "igf/2023/gone.pdf", 0,
            RejectReason.MANIFEST_FILE_MISSING, at + "5: path 'igf/2023/gone.pdf' names no file under the corpus root"),
        new IngestStage.InputFile("file:/corpus/../outside/secret.txt", "../outside/secret.txt", 0,
            RejectReason.OUTSIDE_CORPUS, at + "6: path '../outside/secret.txt" + outside),
        new IngestStage.InputFile("file:/corpus//etc/passwd", "/etc/passwd", 0,
            RejectReason.OUTSIDE_CORPUS, at + "7: path '/etc/passwd" + outside),
        new IngestStage.InputFile("file:/corpus/C:/Windows/win.ini", "C:/Windows/win.ini", 0,
            RejectReason.OUTSIDE_CORPUS, at + "8: path 'C:/Windows/win.ini" + outside),
        new IngestStage.InputFile("file:/corpus/igf/../../x.txt", "igf/../../x.txt", 0,
            RejectReason.OUTSIDE_CORPUS, at + "9: path 'igf/../../x.txt" + outside),
        new IngestStage.InputFile("file:/corpus/igf/2023/gone-and-faulty.pdf", "igf/2023/gone-and-faulty.pdf", 0,
            RejectReason.MANIFEST_FILE_MISSING, at + "10: path 'igf/2023/gone-and-faulty.pdf' names no file under "
                + "the corpus root; the row is also faulty: year 'twenty' is not a year between 1990 and 2100")),
        IngestInputs.rowsWithoutFile(ROOT, MANIFEST, LISTED));
  }

  @Test
  void everyListedFileAndEveryRowWithoutOneIsOneInputOnADistinctPath() {
    List<IngestStage.InputFile> rows = IngestInputs.rowsWithoutFile(ROOT, MANIFEST, LISTED);
    List<IngestStage.InputFile> files = IngestInputs.refuseFaulty(LISTED, MANIFEST);
    assertEquals(MANIFEST.rows() - 3, rows.size(), "rows a, b and link name listed files");
    assertEquals(LISTED.size() + rows.size(), java.util.stream.Stream.concat(files.stream(), rows.stream())
        .map(IngestStage.InputFile::relPath).distinct().count());
  }

  @Test
  void noManifestAddsNothing() {
    assertEquals(LISTED, IngestInputs.refuseFaulty(LISTED, Manifest.NONE));
    assertEquals(List.of(), IngestInputs.rowsWithoutFile(ROOT, Manifest.NONE, LISTED));
  }
}
