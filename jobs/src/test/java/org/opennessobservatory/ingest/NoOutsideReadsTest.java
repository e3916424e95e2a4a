package org.opennessobservatory.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessobservatory.testing.HostileFiles;

/**
 * No parse fetches anything or reads a file other than the document: XML, XHTML, HTML, SVG and DOCX whose external
 * entities, DTDs, XIncludes, images, stylesheets, frames and relationships point at a file holding a secret and at
 * an HTTP server of the test's own on 127.0.0.1 — parsed by the parse workers, as the job parses. The secret never
 * reaches a text or message and the server is never called.
 */
class NoOutsideReadsTest {
  private static final ParseLimits LIMITS = new ParseLimits(100_000, 10, 20_000, 1 << 20, 256);
  private static final String SECRET = "SECRET-MARKER-OUTSIDE-91c4";

  @TempDir
  Path tmp;
  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String file;
  private String http;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      byte[] body = ("<!ENTITY x \"" + SECRET + "\">" + SECRET).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    http = "http://127.0.0.1:" + server.getAddress().getPort();
    Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET + "\n");
    file = secret.toUri().toString();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Map<String, byte[]> documents() {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    String entities = "<!DOCTYPE %s [<!ENTITY f SYSTEM \"" + file + "\"><!ENTITY h SYSTEM \"" + http + "/entity\">"
        + "<!ENTITY %% p SYSTEM \"" + http + "/parameter\"> %%p;]>";
    docs.put("entities.xml", ("<?xml version=\"1.0\"?>\n" + entities.formatted("r")
        + "\n<r><p>Call for inputs on the agenda.</p><p>&f;</p><p>&h;</p></r>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("external-dtd.xml", ("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + http + "/dtd\">\n"
        + "<r><p>Call for inputs on the agenda.</p><p>&x;</p></r>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("xinclude.xml", ("<?xml version=\"1.0\"?>\n<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
        + "<p>Call for inputs on the agenda.</p><xi:include href=\"" + file + "\" parse=\"text\"/>"
        + "<xi:include href=\"" + http + "/xinclude\" parse=\"text\"/></r>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("page.xhtml", ("<?xml version=\"1.0\"?>\n" + entities.formatted("html")
        + "\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Call for inputs on the agenda. &f; &h;</p>"
        + "</body></html>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("page.html", ("<!DOCTYPE html>\n<html><head><title>Call for inputs</title>"
        + "<link rel=\"stylesheet\" href=\"" + http + "/style.css\"><script src=\"" + http + "/script.js\">"
        + "</script><base href=\"" + http + "/\"></head><body><p>Call for inputs on the agenda.</p>"
        + "<img src=\"" + http + "/image.png\"><iframe src=\"" + file + "\"></iframe>"
        + "<iframe src=\"" + http + "/frame\"></iframe><object data=\"" + http + "/object\"></object>"
        + "</body></html>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("drawing.svg", ("<?xml version=\"1.0\"?>\n" + entities.formatted("svg")
        + "\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        + "<title>Call for inputs</title><text>Call for inputs on the agenda. &f; &h;</text>"
        + "<image xlink:href=\"" + http + "/image.png\"/><use href=\"" + file + "#x\"/>"
        + "<style>@import url(" + http + "/style.css);</style></svg>\n").getBytes(StandardCharsets.UTF_8));
    docs.put("entities.docx", HostileFiles.rewriteEntry(HostileFiles.docx(), "word/document.xml",
        x -> x.replaceFirst("\\?>", "?>" + entities.formatted("w:document"))
            .replace("rural areas.", "rural areas. &f; &h;")));
    // A hyperlink and an image linked (not embedded) to the server, and a DTD on the package's content types.
    docs.put("external-links.docx", HostileFiles.rewriteEntry(HostileFiles.rewriteEntry(HostileFiles.docx(),
        "word/_rels/document.xml.rels", x -> x.replace("</Relationships>",
            "<Relationship Id=\"rIdX1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "hyperlink\" Target=\"" + http + "/hyperlink\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdX2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/image\" Target=\"" + file + "\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdX3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/attachedTemplate\" Target=\"" + http + "/template.dotx\" "
                + "TargetMode=\"External\"/></Relationships>")),
        "word/document.xml", x -> x.replace("</w:body>", "<w:p><w:hyperlink "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdX1\">"
            + "<w:r><w:t>the agenda"
            + "</w:t></w:r></w:hyperlink></w:p></w:body>")));
    return docs;
  }

  @Test
  void externalEntitiesAndReferencesAreNeverFollowed() {
    List<String> outcomes = new ArrayList<>();
    documents().forEach((name, bytes) -> {
      ParseResult r = ParseWorkerPool.parse(name, bytes, LIMITS);
      String seen = r.ok() ? r.text() : r.reject().id() + ": " + r.message();
      assertFalse(seen.contains(SECRET), name + " read the file outside the document: " + seen);
      outcomes.add(name + " -> " + (r.ok() ? "text" : r.reject().id()));
      if (r.ok()) {
        assertTrue(r.text().contains("Call for inputs") || r.text().contains("rural areas"), name + ": " + r.text());
      }
    });
    // A DOCX part with a DOCTYPE is refused by POI as a whole; everything else parses, without what it points at.
    assertEquals(List.of("entities.xml -> text", "external-dtd.xml -> text", "xinclude.xml -> text",
        "page.xhtml -> text", "page.html -> text", "drawing.svg -> text", "entities.docx -> corrupt",
        "external-links.docx -> text"), outcomes);
    assertEquals(List.of(), requests, "requests the parsers made to the test's server");
  }

  @Test
  void theServerWouldSeeARequest() throws Exception {
    // The control: the server does count, so zero above means no request, not a deaf server.
    try (var in = new java.net.URL(http + "/control").openStream()) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(SECRET));
    }
    assertEquals(List.of("GET /control"), requests);
  }
}
