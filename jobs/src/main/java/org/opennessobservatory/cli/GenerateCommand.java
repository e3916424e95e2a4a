package org.opennessobservatory.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.opennessobservatory.generate.ArchiveCorpus;
import org.opennessobservatory.generate.ArchiveWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code observatory generate}: a synthetic IGF-like archive to run and benchmark the pipeline at scale. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a deterministic IGF-like corpus with its manifest.csv: forums at every level over ten "
        + "years, transcripts of ~10,000 words in every speaker-turn convention (HTML, TXT, DOCX, PDF), session "
        + "reports, agendas, contributions and outcomes that reuse them. --scale 1 = "
        + ArchiveCorpus.TRANSCRIPTS_PER_SCALE + " transcripts (~6M words) + " + ArchiveCorpus.OTHERS_PER_SCALE
        + " other documents; the same seed gives the same bytes.")
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
      description = "Corpus size relative to scale 1 (default ${DEFAULT-VALUE}; 0.1, 2, 10 …).")
  double scale;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Corpus folder to create; must be absent or empty.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (!(scale > 0) || ArchiveCorpus.counts(scale).total() == 0) {
      throw new UserException("--scale must be positive and large enough for one document (e.g. 0.01): " + scale);
    }
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new UserException(out + " is not empty: give a new folder to --out");
        }
      }
    }
    long t0 = System.nanoTime();
    ArchiveWriter.Written w = ArchiveWriter.write(out, scale, seed);
    spec.commandLine().getOut().printf("generate: %,d transcripts + %,d other documents, %,d words, %,.1f MB in "
            + "%.1f s into %s (with manifest.csv)%n", w.transcripts(), w.others(), w.words(), w.bytes() / 1e6,
        (System.nanoTime() - t0) / 1e9, out);
    return 0;
  }
}
