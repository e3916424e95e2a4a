package org.opennessobservatory.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.opennessobservatory.io.RunManifest;
import org.opennessobservatory.testing.CliRunner;
import org.opennessobservatory.testing.DemoRun;
import org.opennessobservatory.testing.TestPaths;

/**
 * The demo's report opened in a real browser (Debian's headless Chromium): it loads with no console message at all
 * (the page has no script, so any message is an error: a blocked request, a broken resource), every chart section
 * is in the DOM with its marks drawn, and a screenshot of the whole page is saved under jobs/target for a person to
 * look at.
 */
class ReportBrowserTest {
  static final Path SCREENSHOT = TestPaths.repo().resolve("jobs/target/report-screenshot.png");

  @Test
  void theDemoReportLoadsWithoutConsoleMessagesAndDrawsEveryChart() throws Exception {
    Path page = DemoRun.out().resolve(ReportJob.REPORT).resolve(ReportJob.INDEX);
    if (!Files.exists(page)) {
      CliRunner.Run run = CliRunner.observatory("report", "--out", DemoRun.out().toString());
      assertEquals(0, run.exit(), run.err());
    }
    Files.deleteIfExists(SCREENSHOT);
    Layout layout = measure(page);
    // The window as tall as the page: the screenshot holds all of it, down to the footer below the last chart.
    Browser b = chromium(page, "--dump-dom", "--screenshot=" + SCREENSHOT, "--window-size=" + WIDTH + ","
        + layout.height());
    assertEquals(List.of(), b.console(), "console messages while loading the report");
    assertTrue(b.dom().contains("<footer id=\"end\">"), "the whole page was loaded");

    Map<?, ?> datasets = (Map<?, ?>) new ObjectMapper().readValue(DemoRun.out().resolve(RunManifest.FILE).toFile(),
        Map.class).get("datasets");
    for (String id : ReportPage.CHARTS) {
      Matcher m = Pattern.compile("(?s)<section class=\"chart\" id=\"" + id + "\" data-items=\"(\\d+)\">(.*?)</section>")
          .matcher(b.dom());
      assertTrue(m.find(), id + ": a chart section with data (the demo has data for every chart)");
      int marks = Integer.parseInt(m.group(1));
      String section = m.group(2);
      assertTrue(marks > 0, id);
      assertEquals(1, count(section, "<svg "), id);
      assertTrue(section.contains("viewBox=\""), id);
      // The axes, grid and legend alone draw a few shapes; the data draws one per mark at least.
      int shapes = count(section, "<rect") + count(section, "<path") + count(section, "<ellipse");
      assertTrue(shapes >= marks, id + ": " + shapes + " shapes for " + marks + " marks");
      if (id.equals("recommendation-status")) {
        // One titled block per recommendation_status row, as many as the run manifest counts.
        assertEquals(((Number) datasets.get("recommendation_status")).intValue(), marks, id);
        assertEquals(marks, count(section, "<g id=\"" + StatusGrid.CELL_ID), id + ": one block per status row");
        assertEquals(marks, count(section, "<title>"), id + ": each block titled with its rule and evidence");
      }
    }

    BufferedImage shot = ImageIO.read(SCREENSHOT.toFile());
    assertEquals(WIDTH, shot.getWidth());
    assertEquals(layout.height(), shot.getHeight(), "the screenshot is as tall as the page");
    assertTrue(layout.lastChartBottom() <= shot.getHeight(), "the last chart ends at " + layout.lastChartBottom()
        + " px, inside the screenshot's " + shot.getHeight());
    assertTrue(colours(shot, 0, shot.getHeight()) > 20, "the screenshot shows charts, not a blank page");
    assertTrue(colours(shot, layout.lastChartTop(), layout.lastChartBottom()) > 5,
        "the last chart is drawn in the screenshot, not cut off");
  }

  static final int WIDTH = 1280;

  /** Where the page ends and where its last chart section lies, in CSS pixels from the top (1 px = 1 pixel here). */
  record Layout(int height, int lastChartTop, int lastChartBottom) {}

  /**
   * Headless Chromium screenshots its window, not the page: so the page is measured first, in a copy whose script
   * (the report has none, and its policy forbids one) writes the heights into the DOM that --dump-dom prints.
   */
  static Layout measure(Path page) throws IOException, InterruptedException {
    String lastChart = ReportPage.CHARTS.get(ReportPage.CHARTS.size() - 1);
    String html = Files.readString(page, StandardCharsets.UTF_8);
    String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ReportPage.CSP + "\">";
    assertTrue(html.contains(policy), "the report's policy, to be left out of the measured copy");
    String script = "<script>const r = document.getElementById('" + lastChart + "').getBoundingClientRect();"
        + "document.body.setAttribute('data-layout', [document.documentElement.getBoundingClientRect().bottom, "
        + "r.top, r.bottom].map(v => Math.ceil(v + window.scrollY)).join(' '));</script>";
    Path copy = Files.createTempDirectory("report-measure").resolve("measure.html");
    Files.writeString(copy, html.replace(policy, "").replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
    // The screenshot's width, so lines wrap the same (the body is at most 1000 px wide: a scroll bar changes none).
    Matcher m = Pattern.compile("data-layout=\"(\\d+) (\\d+) (\\d+)\"")
        .matcher(chromium(copy, "--dump-dom", "--window-size=" + WIDTH + ",800").dom());
    assertTrue(m.find(), "the measuring script ran");
    return new Layout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** Distinct colours among every 7th pixel of rows [top, bottom). */
  private static int colours(BufferedImage shot, int top, int bottom) {
    Set<Integer> colours = new HashSet<>();
    for (int y = top; y < Math.min(bottom, shot.getHeight()); y += 7) {
      for (int x = 0; x < shot.getWidth(); x += 7) {
        colours.add(shot.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** The check above would pass on a browser that reports nothing: a page that does make a request must fail it. */
  @Test
  void aRequestTheContentSecurityPolicyBlocksIsAConsoleMessage() throws Exception {
    Path dir = Files.createTempDirectory("report-csp");
    Path page = dir.resolve("fetches.html");
    Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv="
        + "\"Content-Security-Policy\" content=\"" + ReportPage.CSP + "\"></head><body><p>x</p>"
        + "<img src=\"https://example.invalid/chart.png\"></body></html>");
    Browser b = chromium(page, "--dump-dom");
    assertEquals(1, b.console().size(), b.console().toString());
    assertTrue(b.console().get(0).contains("example.invalid/chart.png"), b.console().get(0));
  }

  record Browser(String dom, List<String> console) {}

  /** One headless Chromium with a fresh profile; killed, with its children, if it takes longer than two minutes. */
  static Browser chromium(Path page, String... options) throws IOException, InterruptedException {
    String exe = onPath("chromium");
    Path tmp = Files.createTempDirectory("chromium");
    List<String> command = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0"));
    command.addAll(List.of(options));
    command.add(page.toUri().toString());
    File out = tmp.resolve("stdout").toFile();
    File err = tmp.resolve("stderr").toFile();
    Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium (pid " + p.pid() + ") did not finish in 120 s; killed. stderr: " + Files.readString(err.toPath()));
    }
    String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stderr);
    // Console messages are logged as "[pid:tid:date:INFO:CONSOLE:line] "message", source: url (line)".
    List<String> console = stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    return new Browser(Files.readString(out.toPath(), StandardCharsets.UTF_8), console);
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path exe = Path.of(dir, name);
      if (Files.isExecutable(exe)) {
        return exe.toString();
      }
    }
    return fail(name + " is not on the PATH: apt-get install chromium (CI's .ci/run installs it)");
  }

  private static int count(String s, String what) {
    return s.split(Pattern.quote(what), -1).length - 1;
  }
}
