package org.opennessobservatory.codebook;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The codebook as one HTML page, rendered from its Markdown so that the two never say different things. */
public final class CodebookHtml {
  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), HeadingAnchorExtension.create());

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:110em;"
      + "padding:0 1em;line-height:1.4}table{border-collapse:collapse;margin-bottom:2em}"
      + "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
      + "th{background:#f3f3f3;position:sticky;top:0}td:first-child{white-space:nowrap}"
      + "code{font-size:.95em}";

  private CodebookHtml() {}

  public static String render(String markdown) {
    Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>Codebook of the Openness Observatory datasets</title>\n<style>" + STYLE + "</style>\n"
        + "</head>\n<body>\n" + renderer.render(parser.parse(markdown)) + "</body>\n</html>\n";
  }
}
