package org.kplan.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.kplan.schedule.Event;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/** One CSV row per event, then one per series (RFC 4180 quoting, CRLF line ends). */
public final class ScheduleCsv {
  private ScheduleCsv() {}

  public static final List<String> HEADER = List.of(
      "id", "kind", "phase", "session", "title", "category", "start", "end", "dosingEnd", "dose",
      "windowStart", "windowEnd", "series", "rrule", "notes");

  public static void write(Schedule s, Appendable out) {
    row(out, HEADER);
    for (Event e : s.events()) {
      row(out, List.of(e.id(), e.kind().word, nz(e.phase()), e.session() == null ? "" : e.session().toString(), e.title(),
          nz(e.category()), ScheduleJson.time(e.start()), ScheduleJson.time(e.end()), nz(ScheduleJson.time(e.dosingEnd())),
          nz(e.dose()), e.window() == null ? "" : ScheduleJson.time(e.window().start()),
          e.window() == null ? "" : ScheduleJson.time(e.window().end()), nz(e.series()), "", String.join(" | ", e.notes())));
    }
    for (Series r : s.series()) {
      row(out, List.of(r.id(), r.kind().word, "", "", r.title(), nz(r.category()),
          r.allDay() ? r.startDate().toString() : ScheduleJson.time(r.start()), "", "", "", "", "", "", r.rrule(), ""));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void row(Appendable out, List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) out.append(',');
        out.append(cell(cells.get(i)));
      }
      out.append("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String cell(String c) {
    String v = c;
    // keep spreadsheet programs from running a cell as a formula
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[-+]?\\d.*")) v = "'" + v;
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
