package org.opennessobservatory.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opennessobservatory.ingest.netmundial.NetmundialImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a manifest.csv for the NETmundial 2014 contributions folder and prints what it found. */
@Command(name = "import-netmundial", mixinStandardHelpOptions = true,
    description = "Write a manifest.csv for the NETmundial 2014 contributions folder (NNNA.txt cover sheets, "
        + "NNNB.txt full texts) and print the contributions per stakeholder group.")
public class ImportNetmundialCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "DIR",
      description = "The contributions folder (the corpus root; manifest paths are relative to it).")
  Path source;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "Where to write the manifest.")
  Path manifest;

  @Option(names = "--overwrite", description = "Replace an existing manifest file.")
  boolean overwrite;

  @Override
  public Integer call() {
    if (!Files.isDirectory(source) || !Files.isReadable(source)) {
      throw new UserException("--source " + source + " is not a readable folder");
    }
    if (Files.exists(manifest) && !overwrite) {
      throw new UserException("--manifest " + manifest + " already exists; pass --overwrite to replace it");
    }
    NetmundialImporter.Summary summary;
    try {
      summary = NetmundialImporter.writeManifest(source, manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not import " + source + " into " + manifest, e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Wrote %s: %d contributions, %d cover sheets%n", manifest, summary.contributions(),
        summary.coverSheets());
    // largest group first, as the figures are usually read
    List<Map.Entry<String, Integer>> groups = summary.contributionsPerGroup().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
    for (Map.Entry<String, Integer> group : groups) {
      out.printf("  %-20s %4d%n", group.getKey(), group.getValue());
    }
    printIfAny(out, "sectors not mapped (counted as unknown)", summary.unmappedSectors().toString(),
        summary.unmappedSectors().size());
    printIfAny(out, "full texts without cover sheet", summary.withoutCoverSheet().toString(),
        summary.withoutCoverSheet().size());
    printIfAny(out, "cover sheets without full text", summary.withoutFullText().toString(),
        summary.withoutFullText().size());
    printIfAny(out, "files ignored", summary.unrecognisedFiles().toString(), summary.unrecognisedFiles().size());
    out.flush();
    return 0;
  }

  private static void printIfAny(PrintWriter out, String label, String items, int count) {
    if (count > 0) {
      out.printf("  %s: %d %s%n", label, count, items);
    }
  }
}
