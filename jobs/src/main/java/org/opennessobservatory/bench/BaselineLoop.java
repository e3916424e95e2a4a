package org.opennessobservatory.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The side the pipeline is measured against: what a researcher would write without Spark. One thread, in process,
 * no limits: read each file, Tika {@code AutoDetectParser}, then OpenNLP sentence detector and model tokenizer
 * counts. Failures are counted, never thrown, as the pipeline counts rejects.
 */
public final class BaselineLoop {
  private BaselineLoop() {}

  /**
   * @param totalBytes the corpus size the generator reported: reading a different amount means the two sides did
   *     not see the same files, and the ratio would be meaningless
   */
  public static BenchRound run(int round, List<Path> files, long totalBytes) throws IOException {
    DriverHeap.resetPeaks();
    CpuTime cpu = CpuTime.now();
    long t0 = System.nanoTime();
    // Made inside the timed pass, as the loop's author would (see SentenceTokenLoop).
    AutoDetectParser parser = new AutoDetectParser();
    SentenceTokenLoop nlp = new SentenceTokenLoop();
    long read = 0;
    long ok = 0;
    long failed = 0;
    long parseNanos = 0;
    for (Path file : files) {
      long p0 = System.nanoTime();
      byte[] bytes = Files.readAllBytes(file);
      read += bytes.length;
      Metadata metadata = new Metadata();
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
      BodyContentHandler handler = new BodyContentHandler(-1);
      ParseContext context = new ParseContext();
      context.set(Parser.class, parser);
      try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
        parser.parse(in, handler, metadata, context);
      } catch (Exception e) {
        failed++;
        continue;
      }
      String text = handler.toString();
      long p1 = System.nanoTime();
      parseNanos += p1 - p0;
      if (text.isBlank()) {
        failed++;
        continue;
      }
      nlp.add(text);
      ok++;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (read != totalBytes) {
      throw new IllegalStateException("baseline read " + read + " bytes, the corpus has " + totalBytes);
    }
    return new BenchRound("baseline", round, files.size(), read, seconds, ok, failed,
        String.format("%,d sentences, %,d tokens; read+Tika %.2f s, OpenNLP sentences+tokens %.2f s; %s",
            nlp.sentences(), nlp.tokens(), parseNanos / 1e9, nlp.seconds(), CpuTime.now().since(cpu)),
        DriverHeap.peakBytes());
  }
}
