package org.kplan.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kplan.export.IcsWriter;
import org.kplan.export.ScheduleCsv;
import org.kplan.export.ScheduleJson;
import org.kplan.export.ScheduleMarkdown;
import org.kplan.plan.Finding;
import org.kplan.plan.HolidayCalendars;
import org.kplan.plan.HolidaySource;
import org.kplan.plan.InputException;
import org.kplan.plan.Plan;
import org.kplan.plan.PlanLoader;
import org.kplan.plan.Pos;
import org.kplan.plan.Severity;
import org.kplan.rules.Rules;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;
import org.kplan.schedule.Schedule;
import org.kplan.support.PlanGen;
import org.kplan.term.ScheduleTable;
import org.kplan.term.Style;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What the fuzz targets share: loading from the bytes or text the fuzzer made, and the invariants.
 * An invariant that does not hold throws an {@link AssertionError}, which Jazzer reports as a
 * finding (as it does any exception other than the expected {@link InputException}).
 */
final class Fuzz {
  private Fuzz() {}

  static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  static final String NAME = "fuzz.yaml";
  /** An empty directory for relative {@code extends}, so the fuzzer cannot reach real files. */
  static final Path DIR = emptyDir();

  private static Path emptyDir() {
    try {
      Path d = Files.createTempDirectory("kplan-fuzz");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes to a plan, the way a file is read: only {@link InputException} may come out. */
  static Plan loadBytes(byte[] data) throws InputException {
    String text = PlanLoader.decode(data, NAME, Pos.of(NAME));
    return new PlanLoader().load(NAME, text, DIR);
  }

  static Plan loadText(String text) throws InputException {
    return new PlanLoader().load(NAME, text, DIR);
  }

  /** Every problem of an invalid plan is an error with a message and a place. */
  static void checkProblems(InputException e) {
    check(!e.problems().isEmpty(), "an InputException without problems");
    for (Finding f : e.problems()) {
      check(f.severity() == Severity.ERROR, "a non-error problem: " + f);
      check(f.message() != null && !f.message().isBlank(), "a problem without a message: " + f);
      check(f.pos() != null && f.pos().line() >= 0 && f.pos().column() >= 0, "a problem without a place: " + f);
    }
  }

  /** Schedules a loaded plan the way the CLI does; null for a template without start, zone or phases. */
  static Schedule schedule(Plan p) {
    if (p.start() == null || p.timezone() == null || p.ketamine() == null || p.ketamine().phases().isEmpty()) return null;
    HolidaySource h = p.clinic().holidays() == null ? HolidaySource.NONE : HolidayCalendars.INSTANCE;
    Schedule s = Engine.schedule(p, NOW, h);
    return s.withFindings(Rules.check(p, s));
  }

  static void checkSchedule(Plan p, Schedule s) {
    check(s.events().size() <= Engine.MAX_EVENTS + 1, "more events than the limit: " + s.events().size());
    Set<String> ids = new HashSet<>();
    for (Event e : s.events()) {
      check(ids.add(e.id()), "duplicate event id " + e.id());
      check(!e.end().isBefore(e.start()), e.id() + " ends before it starts");
    }
    for (int i = 1; i < s.events().size(); i++) {
      check(Event.ORDER.compare(s.events().get(i - 1), s.events().get(i)) <= 0, "events out of order at " + i);
    }
    long doses = s.events().stream().filter(e -> e.kind() == org.kplan.schedule.EventKind.KETAMINE).count();
    check(doses <= p.totalSessions(), "more dosing sessions than planned");
  }

  /** Every writer finishes, and what it writes is well formed. */
  static void checkWriters(Plan p, Schedule s) {
    StringWriter json = new StringWriter();
    ScheduleJson.write(s, json);
    parseJson(json.toString());

    StringWriter csv = new StringWriter();
    ScheduleCsv.write(s, csv);
    List<List<String>> rows = parseCsv(csv.toString());
    check(rows.size() == 1 + s.events().size() + s.series().size(), "CSV rows " + rows.size());
    for (List<String> r : rows) check(r.size() == ScheduleCsv.HEADER.size(), "a CSV row with " + r.size() + " cells: " + r);

    StringWriter md = new StringWriter();
    ScheduleMarkdown.write(s, p.clinic().name(), md);
    for (String line : md.toString().split("\n", -1)) {
      if (line.startsWith("| ")) check(unescapedPipes(line) == 4, "a Markdown table row with other than 3 cells: " + line);
      check(line.indexOf('\r') < 0, "a carriage return in the Markdown");
    }

    for (IcsWriter.Detail detail : IcsWriter.Detail.values()) {
      String ics = IcsWriter.write(s, new IcsWriter.Options(java.time.Instant.EPOCH, detail, null, p.clinic().name(), null));
      check(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.endsWith("END:VCALENDAR\r\n"), "an iCalendar file that is not one VCALENDAR");
      int begins = 0, ends = 0;
      for (String line : ics.split("\r\n", -1)) {
        check(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "a bare line break in the iCalendar file");
        check(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, "an iCalendar line over 75 octets: " + line);
        if (line.startsWith("BEGIN:")) begins++;
        if (line.startsWith("END:")) ends++;
      }
      check(begins == ends, "unbalanced BEGIN/END in the iCalendar file");
    }

    StringWriter table = new StringWriter();
    ScheduleTable.write(s, Style.PLAIN, table);
    String t = table.toString();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      check(c == '\n' || !(Character.getType(c) == Character.CONTROL || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')),
          "a raw control character U+" + Integer.toHexString(c) + " in the terminal table");
    }
  }

  static void parseJson(String text) {
    try (JsonParser jp = new JsonFactory().createParser(ObjectReadContext.empty(), text)) {
      check(jp.nextToken() == JsonToken.START_OBJECT, "JSON does not start with an object");
      int depth = 1;
      Set<String> top = new HashSet<>();
      while (depth > 0) {
        JsonToken t = jp.nextToken();
        check(t != null, "JSON ends early");
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
        else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
        else if (t == JsonToken.PROPERTY_NAME && depth == 1) top.add(jp.currentName());
      }
      check(jp.nextToken() == null, "content after the JSON document");
      check(top.containsAll(List.of("plan", "patient", "timezone", "planEnd", "events", "series", "findings")), "JSON top level: " + top);
    }
  }

  /** RFC 4180: records end with CRLF outside quotes; quoted fields double their quotes. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        check(cell.length() == 0, "a quote inside an unquoted CSV cell");
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        check(c != '\r' && c != '\n', "a bare line break in an unquoted CSV cell");
        cell.append(c);
      }
    }
    check(!quoted && row.isEmpty() && cell.length() == 0, "CSV does not end with a complete record");
    return rows;
  }

  private static int unescapedPipes(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\\') i++;
      else if (line.charAt(i) == '|') n++;
    }
    return n;
  }

  static PlanGen.Dice dice(FuzzedDataProvider data) {
    return new PlanGen.Dice() {
      @Override
      public int nextInt(int bound) {
        return bound <= 1 ? 0 : data.consumeInt(0, bound - 1);
      }

      @Override
      public String text(int maxLength) {
        return data.consumeString(maxLength);
      }
    };
  }

  static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }
}
