package org.kplan.export;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.kplan.plan.Finding;
import org.kplan.schedule.Event;
import org.kplan.schedule.Schedule;
import org.kplan.schedule.Series;

/** The public JSON schedule format (see README, "The JSON schedule"). */
public final class ScheduleJson {
  private ScheduleJson() {}

  /** ISO-8601 local date-time with offset, to the second: {@code 2026-12-01T09:00:00-08:00}. */
  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  public static String time(ZonedDateTime t) {
    return t == null ? null : TIME.format(t);
  }

  public static void write(Schedule s, Appendable out) {
    Json j = new Json(out);
    j.beginObject();
    j.field("plan", s.plan());
    j.field("patient", s.patient());
    j.field("timezone", s.timezone().getId());
    j.field("planEnd", s.planEnd().toString());
    j.key("events").beginArray();
    for (Event e : s.events()) event(j, e);
    j.endArray();
    j.key("series").beginArray();
    for (Series r : s.series()) series(j, r);
    j.endArray();
    j.key("findings").beginArray();
    for (Finding f : s.findings()) finding(j, f);
    j.endArray();
    j.endObject();
  }

  static void event(Json j, Event e) {
    j.beginObject();
    j.field("id", e.id());
    j.field("kind", e.kind().word);
    j.optional("phase", e.phase());
    j.optional("session", e.session());
    j.field("title", e.title());
    j.optional("category", e.category());
    j.field("start", time(e.start()));
    j.field("end", time(e.end()));
    j.optional("dosingEnd", time(e.dosingEnd()));
    j.optional("dose", e.dose());
    if (e.window() != null) {
      j.key("window").beginObject();
      j.field("start", time(e.window().start()));
      j.field("end", time(e.window().end()));
      j.endObject();
    }
    j.optional("series", e.series());
    j.key("notes").beginArray();
    for (String n : e.notes()) j.value(n);
    j.endArray();
    j.endObject();
  }

  static void series(Json j, Series r) {
    j.beginObject();
    j.field("id", r.id());
    j.field("kind", r.kind().word);
    j.field("title", r.title());
    j.optional("category", r.category());
    j.field("start", r.allDay() ? r.startDate().toString() : time(r.start()));
    j.key("allDay").value(r.allDay());
    j.field("duration", r.duration().iso());
    j.field("rrule", r.rrule());
    j.field("until", r.until().toString());
    j.field("occurrences", r.occurrences());
    if (!r.exdates().isEmpty()) {
      j.key("exdates").beginArray();
      for (ZonedDateTime x : r.exdates()) j.value(time(x));
      j.endArray();
    }
    j.endObject();
  }

  public static void finding(Json j, Finding f) {
    j.beginObject();
    j.field("rule", f.rule());
    j.field("severity", f.severity().label());
    j.field("message", f.message());
    j.field("file", f.pos().file());
    j.field("line", f.pos().line());
    j.field("column", f.pos().column());
    j.optional("event", f.event());
    j.endObject();
  }
}
