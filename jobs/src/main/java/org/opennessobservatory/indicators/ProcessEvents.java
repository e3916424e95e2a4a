package org.opennessobservatory.indicators;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opennessobservatory.cli.UserException;
import org.opennessobservatory.ingest.Forums;
import org.opennessobservatory.io.CsvTable;

/**
 * When each forum-year's process steps happened ({@code registry/process-events.csv}, DESIGN.md §4): the event's
 * dates, when modalities were announced, the agenda published, the call for inputs opened and outputs published.
 * An empty cell means no dated document says it: the step's lead time is then null, not 0.
 */
public final class ProcessEvents implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String PATH = "registry/process-events.csv";
  public static final List<String> COLUMNS = List.of("forum", "year", "event_start", "event_end",
      "modalities_announced", "agenda_published", "call_for_inputs_opened", "outputs_published", "source", "note");

  /** One forum-year's dates; only forum, year, eventStart and eventEnd are always there. */
  public record Event(String forum, int year, LocalDate eventStart, LocalDate eventEnd,
      LocalDate modalitiesAnnounced, LocalDate agendaPublished, LocalDate callForInputsOpened,
      LocalDate outputsPublished) implements Serializable {}

  private final List<Event> events;
  private final Map<String, Long> forumLines;

  private ProcessEvents(List<Event> events, Map<String, Long> forumLines) {
    this.events = events;
    this.forumLines = forumLines;
  }

  public static ProcessEvents empty() {
    return new ProcessEvents(List.of(), Map.of());
  }

  /** Validates every row; a fault is a user error naming file, line and column. */
  public static ProcessEvents of(CsvTable table) {
    List<Event> events = new ArrayList<>();
    Map<String, Long> lineOf = new HashMap<>();
    Map<String, Long> forumLines = new HashMap<>();
    for (CsvTable.Line line : table.lines()) {
      String where = table.where(line);
      // Forum ids are slugs in documents ("UK IGF" → uk-igf), as in the manifest.
      String forum = Forums.slug(RegistryCells.required(line, "forum", where));
      forumLines.putIfAbsent(forum, line.number());
      int year = RegistryCells.year(line, where);
      Long earlier = lineOf.putIfAbsent(forum + "|" + year, line.number());
      if (earlier != null) {
        throw new UserException(where + "a second row for " + forum + " " + year + " (first on line " + earlier
            + ")");
      }
      // The lead times count back from event_start and outputs forward from event_end: a row needs both.
      RegistryCells.required(line, "event_start", where);
      RegistryCells.required(line, "event_end", where);
      LocalDate start = RegistryCells.date(line, "event_start", where);
      LocalDate end = RegistryCells.date(line, "event_end", where);
      if (end.isBefore(start)) {
        throw new UserException(where + "event_end " + end + " is before event_start " + start);
      }
      LocalDate outputs = RegistryCells.date(line, "outputs_published", where);
      if (outputs != null && outputs.isBefore(start)) {
        throw new UserException(where + "outputs_published " + outputs + " is before event_start " + start
            + ": outputs of an event come after it");
      }
      events.add(new Event(forum, year, start, end, RegistryCells.date(line, "modalities_announced", where),
          RegistryCells.date(line, "agenda_published", where),
          RegistryCells.date(line, "call_for_inputs_opened", where), outputs));
    }
    return new ProcessEvents(List.copyOf(events), Map.copyOf(forumLines));
  }

  /** Each forum the table names (slugged), with the line it is first named on. */
  public Map<String, Long> forumLines() {
    return forumLines;
  }

  public List<Event> events() {
    return events;
  }
}
