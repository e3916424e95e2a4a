package org.opennessobservatory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opennessobservatory.generate.FormatWriters;

/**
 * A small corpus written at test time for the golden command-line test: every format, a manifest that lists some
 * files and not others, and every kind of bad file the ingest stage must turn into a reject.
 */
public final class FixtureCorpus {
  private FixtureCorpus() {}

  static final FormatWriters.Doc OUTCOME = new FormatWriters.Doc("Kyiv messages", "Programme committee", List.of(
      "Messages from the regional dialogue on Internet governance.",
      "Participants called for open and inclusive consultations announced well in advance.",
      "Meaningful connectivity remains the first condition of participation."));

  public static Path write(Path root) {
    try {
      write(root, "manifest.csv", """
          path,forum,forum_level,event,year,session_id,doc_type,date,published_on,author_stakeholder_group,rapporteur
          eurodig/2023/messages.pdf,EuroDIG,regional,EuroDIG 2023,2023,,outcome,2023-06-21,2023-07-01,,A. Rapporteur
          eurodig/2023/messages.docx,EuroDIG,regional,EuroDIG 2023,2023,,outcome,2023-06-21,2023-07-01,,
          eurodig/2023/contribution.odt,EuroDIG,regional,EuroDIG 2023,2023,,contribution,,2023-05-02,civil_society,
          eurodig/2023/statement.rtf,EuroDIG,regional,EuroDIG 2023,2023,,contribution,,2023-05-03,government,
          igf/2023/empty.txt,IGF,global,IGF 2023,2023,,other,,,,
          igf/2023/cut.pdf,IGF,global,IGF 2023,2023,,session_report,,,,
          igf/2023/locked.pdf,IGF,global,IGF 2023,2023,,outcome,,,,
          """.getBytes(StandardCharsets.UTF_8));
      write(root, "registry/people.csv", "name,stakeholder_group\nAna Example,civil_society\n"
          .getBytes(StandardCharsets.UTF_8));
      write(root, "eurodig/2023/messages.pdf", FormatWriters.pdf(OUTCOME));
      write(root, "eurodig/2023/messages.docx", FormatWriters.docx(OUTCOME));
      write(root, "eurodig/2023/contribution.odt", FormatWriters.odt(new FormatWriters.Doc("Open consultations",
          "Civil society coalition", List.of("We ask that modalities be published three months in advance."))));
      write(root, "eurodig/2023/statement.rtf", FormatWriters.rtf(new FormatWriters.Doc("Statement",
          "Ministry", List.of("Our government supports a multistakeholder approach to cybersecurity."))));
      write(root, "eurodig/2023/messages-copy.pdf", FormatWriters.pdf(OUTCOME));
      write(root, "igf/2023/ws-7-transcript.txt", """
          >> MODERATOR: Good morning and welcome to workshop 7 on data governance.
          >> ANA EXAMPLE: Thank you. My name is Ana Example, from a civil society network.
          >> BO SAMPLE: Thanks, Ana. Speaking for the private sector, I agree on open consultations.
          >> MODERATOR: Questions from the floor, please.
          """.getBytes(StandardCharsets.UTF_8));
      write(root, "igf/2023/programme.html", HostileFiles.htmlWithScriptAndExternalEntity());
      write(root, "igf/2023/summary-cp1252.txt", HostileFiles.windows1252Text());
      write(root, "igf/2023/notes-utf16.txt", HostileFiles.utf16Text());
      write(root, "igf/2023/empty.txt", new byte[0]);
      write(root, "igf/2023/cut.pdf", HostileFiles.truncatedPdf());
      write(root, "igf/2023/locked.pdf", HostileFiles.encryptedPdf());
      write(root, "igf/2023/x.pdf", HostileFiles.randomBytes(4096, 1));
      write(root, "igf/2023/archive-bomb.zip", HostileFiles.zipBomb(200));
      write(root, "igf/2023/hangs.bin", HostileParsers.SPIN);
      write(root, "loose-note.txt", "A note that belongs to no forum folder, about remote participation hubs."
          .getBytes(StandardCharsets.UTF_8));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path root, String rel, byte[] bytes) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
