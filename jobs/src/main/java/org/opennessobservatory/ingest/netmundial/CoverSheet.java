package org.opennessobservatory.ingest.netmundial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NETmundial 2014 contribution cover sheet ({@code NNNA.txt}), parsed from its already decoded text.
 *
 * <p>Layout: a title (one or more lines), then loose {@code Key: value} lines (a value may wrap onto following
 * lines), then a line {@code Abstract}, the abstract, and a line {@code Document} followed by a copy of the full
 * text, which is ignored here. Every field is whitespace-collapsed; a missing or empty field is {@code null}.
 *
 * @param sector the raw sector as written; map it with {@link SectorMapping}
 * @param country the raw {@code Region:} value; in the real data often a region or a city rather than a country
 */
public record CoverSheet(String serial, String title, String area, String author, String country,
    String organisation, String sector, String keywords, String abstractText) {

  /** Line ends seen in the data (CRLF, lone CR) and those a Latin-1 decoding would produce (NEL). */
  private static final Pattern LINE_END = Pattern.compile("\r\n|[\r\n\u0085\u2028\u2029]");

  private static final Pattern KEY_LINE = Pattern.compile(
      "^\\s*(area|entitled\\s+by|region|organi[sz]ation|sector|keywords|doc\\s+attached)\\s*:(.*)$",
      Pattern.CASE_INSENSITIVE);

  /**
   * A key glued to the end of the title, because the scrape lost a line break ("...perspectiveArea: COMBINED").
   * Only a capitalised key directly after a non-space counts, so that "Asia Region: ..." or "subarea:" stay whole.
   */
  private static final Pattern GLUED_KEY = Pattern.compile(
      "(?<=\\S)(?=(Area|Entitled by|Region|Organi[sz]ation|Sector|Keywords|Doc Attached)\\s*:)");

  /** "Abstract" glued to the end of the previous line for the same reason ("...see the doc 1Abstract"). */
  private static final Pattern GLUED_ABSTRACT = Pattern.compile("^(.*\\S)Abstract\\s*$");

  private static final Pattern ABSTRACT_LINE = Pattern.compile("^\\s*abstract\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCUMENT_LINE = Pattern.compile("^\\s*document\\s*$", Pattern.CASE_INSENSITIVE);

  /** Parses one cover sheet; never fails, a sheet with no recognised keys yields just a title. */
  public static CoverSheet parse(String serial, String text) {
    List<String> lines = splitGluedKeysAndAbstract(LINE_END.split(text.replace("\uFEFF", ""), -1));
    StringBuilder title = new StringBuilder();
    StringBuilder area = null, author = null, country = null, organisation = null, sector = null, keywords = null;
    StringBuilder current = title;
    int i = 0;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (ABSTRACT_LINE.matcher(line).matches()) {
        i++;
        break;
      }
      Matcher key = KEY_LINE.matcher(line);
      if (!key.matches()) {
        append(current, line); // a wrapped continuation of the title or of the previous key's value
        continue;
      }
      StringBuilder value = new StringBuilder();
      append(value, key.group(2));
      String name = key.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      switch (name) {
        case "area" -> area = firstOf(area, value);
        case "entitled by" -> author = firstOf(author, value);
        case "region" -> country = firstOf(country, value);
        case "organization", "organisation" -> organisation = firstOf(organisation, value);
        case "sector" -> sector = firstOf(sector, value);
        case "keywords" -> keywords = firstOf(keywords, value);
        default -> { } // "Doc Attached: Click here to see the doc 1": a link label on the web page, no data
      }
      current = value;
    }
    StringBuilder abstractText = new StringBuilder();
    for (; i < lines.size() && !DOCUMENT_LINE.matcher(lines.get(i)).matches(); i++) {
      append(abstractText, lines.get(i));
    }
    return new CoverSheet(serial, orNull(title), orNull(area), orNull(author), orNull(country),
        orNull(organisation), orNull(sector), orNull(keywords), orNull(abstractText));
  }

  /** Splits the header lines where a key or "Abstract" was glued on; stops at the abstract. */
  private static List<String> splitGluedKeysAndAbstract(String[] raw) {
    List<String> lines = new ArrayList<>(raw.length + 2);
    boolean inHeader = true;
    boolean seenKey = false; // a title ending in "...Abstract" is still a title
    for (String line : raw) {
      if (!inHeader) {
        lines.add(line);
        continue;
      }
      if (ABSTRACT_LINE.matcher(line).matches()) {
        inHeader = false;
        lines.add(line);
        continue;
      }
      for (String part : GLUED_KEY.split(line, -1)) {
        seenKey |= KEY_LINE.matcher(part).matches();
        Matcher glued = GLUED_ABSTRACT.matcher(part);
        if (seenKey && glued.matches()) {
          lines.add(glued.group(1));
          lines.add("Abstract");
          inHeader = false;
        } else {
          lines.add(part);
        }
      }
    }
    return lines;
  }

  /** A repeated key keeps its first value; the later line then collects nothing that is kept. */
  private static StringBuilder firstOf(StringBuilder existing, StringBuilder value) {
    return existing != null ? existing : value;
  }

  private static void append(StringBuilder target, String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return;
    }
    if (target.length() > 0) {
      target.append(' ');
    }
    target.append(t);
  }

  private static String orNull(StringBuilder value) {
    if (value == null) {
      return null;
    }
    String collapsed = value.toString().replaceAll("\\s+", " ").strip();
    return collapsed.isEmpty() ? null : collapsed;
  }
}
