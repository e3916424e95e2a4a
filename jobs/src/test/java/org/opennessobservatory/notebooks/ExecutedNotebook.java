package org.opennessobservatory.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** A notebook file (nbformat 4 JSON) read for what its code cells hold: outputs, errors, charts. */
record ExecutedNotebook(Path path, JsonNode json) {
  static ExecutedNotebook read(Path path) {
    try {
      return new ExecutedNotebook(path, new ObjectMapper().readTree(path.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> codeCells() {
    List<JsonNode> cells = new ArrayList<>();
    json.path("cells").forEach(c -> {
      if ("code".equals(c.path("cell_type").asText())) {
        cells.add(c);
      }
    });
    return cells;
  }

  List<JsonNode> outputs() {
    List<JsonNode> outputs = new ArrayList<>();
    codeCells().forEach(c -> c.path("outputs").forEach(outputs::add));
    return outputs;
  }

  /** Each error output as "ename: evalue". */
  List<String> errors() {
    return outputs().stream().filter(o -> "error".equals(o.path("output_type").asText()))
        .map(o -> o.path("ename").asText() + ": " + o.path("evalue").asText()).toList();
  }

  /** The image/png outputs, decoded. */
  List<BufferedImage> charts() {
    List<BufferedImage> charts = new ArrayList<>();
    for (JsonNode o : outputs()) {
      JsonNode png = o.path("data").path("image/png");
      if (png.isMissingNode()) {
        continue;
      }
      // nbformat may split a string into a list of lines; base64 ignores the line breaks once joined.
      StringBuilder base64 = new StringBuilder();
      if (png.isArray()) {
        png.forEach(line -> base64.append(line.asText()));
      } else {
        base64.append(png.asText());
      }
      try {
        charts.add(ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64.toString()))));
      } catch (IOException e) {
        throw new UncheckedIOException("an image/png output of " + path + " is not a PNG", e);
      }
    }
    return charts;
  }
}
