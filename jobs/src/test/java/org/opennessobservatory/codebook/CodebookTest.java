package org.opennessobservatory.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.codebook.DatasetCatalogue.Dataset;
import org.opennessobservatory.schema.Schemas;
import org.opennessobservatory.testing.TestPaths;

/** The codebook says what the schema files say, and the copy in docs/ is the one the generator makes now. */
class CodebookTest {

  @Test
  void theCommittedCodebookIsWhatTheGeneratorMakesNow() throws IOException {
    List<String> now = Codebook.generate();
    Path docs = TestPaths.repo().resolve("docs");
    String stale = "docs/codebook.* are stale: run bin/observatory codebook --to docs";
    assertEquals(now.get(0), Files.readString(docs.resolve(Codebook.MARKDOWN), StandardCharsets.UTF_8), stale);
    assertEquals(now.get(1), Files.readString(docs.resolve(Codebook.HTML), StandardCharsets.UTF_8), stale);
  }

  @Test
  void theCatalogueListsEverySchemaFileOnce() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(TestPaths.repo().resolve("schemas"))) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
    }
    assertEquals(files, DatasetCatalogue.load().stream().map(Dataset::name).sorted().toList(),
        "schemas/datasets.yaml must list every schemas/*.json, once");
  }

  @Test
  void aColumnShowsItsTypeDescriptionUnitAllowedValuesFormulaAndSinceAsWritten() {
    String json = """
        {"type": "struct", "fields": [
          {"name": "gap", "type": "double", "nullable": true, "metadata": {
            "description": "Gap of turn_share_* shares, where v < c.", "unit": "share in [0, 1]",
            "formula": "|a - b| * 2", "since": "0.9.0"}},
          {"name": "kind", "type": "string", "nullable": false, "metadata": {
            "description": "Kind.", "allowed": "low | high", "example": "low"}},
          {"name": "values", "type": {"type": "array", "containsNull": false, "elementType": {"type": "struct",
            "fields": [{"name": "n", "type": "long", "nullable": false, "metadata": {"description": "Count."}}]}},
           "nullable": false, "metadata": {"description": "Values."}},
          {"name": "year", "type": "integer", "nullable": false, "metadata": {"description": "Year."}}]}""";
    Dataset d = new Dataset("gaps", "test", "One gap.", List.of("year"), Schemas.parse(json, "gaps.json"));
    String md = CodebookMarkdown.render(List.of(d));
    assertTrue(md.contains("""
        ## gaps

        **Row:** One gap.\s\s
        Written by stage test; partitioned by `year`; schema file `schemas/gaps.json`.

        | column | type | nullable | description | unit | allowed values | formula | since |
        |---|---|---|---|---|---|---|---|
        | `gap` | double | yes | Gap of turn_share\\_\\* shares, where v \\< c. | share in \\[0, 1\\] |  | \\|a - b\\| \\* 2 | 0.9.0 |
        | `kind` | string | no | Kind. Example: `low`. |  | `low`, `high` |  |  |
        | `values` | array\\<struct\\> | no | Values. |  |  |  |  |
        | `values[].n` | bigint | no | Count. |  |  |  |  |
        | `year` | int | no | Year. |  |  |  |  |
        """), md);

    // The HTML shows the text as written, one cell per column even where the formula holds '|'.
    String html = CodebookHtml.render(md);
    assertTrue(html.contains("<h2 id=\"gaps\">gaps</h2>"), html);
    assertTrue(html.contains("<td>Gap of turn_share_* shares, where v &lt; c.</td>\n<td>share in [0, 1]</td>\n"
        + "<td></td>\n<td>|a - b| * 2</td>\n<td>0.9.0</td>"), html);
    assertEquals(5 * 8, html.split("<td>", -1).length - 1, "five rows of eight cells");
  }

  @Test
  void everyDatasetHasASectionAndEveryColumnARow() {
    String md = Codebook.generate().get(0);
    for (Dataset d : DatasetCatalogue.load()) {
      assertTrue(md.contains("\n## " + d.name() + "\n"), d.name());
      for (String column : d.schema().fieldNames()) {
        assertTrue(md.contains("| `" + column + "` |"), d.name() + "." + column);
      }
    }
  }
}
