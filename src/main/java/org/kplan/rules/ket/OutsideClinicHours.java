package org.kplan.rules.ket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kplan.plan.Finding;
import org.kplan.plan.Plan.DateRange;
import org.kplan.plan.Plan.Hours;
import org.kplan.plan.Plan.Ketamine;
import org.kplan.plan.Plan.Phase;
import org.kplan.plan.Severity;
import org.kplan.rules.Check;
import org.kplan.rules.Rule;
import org.kplan.rules.Sources;
import org.kplan.schedule.Engine;
import org.kplan.schedule.Event;

/** KET019: a preferred dosing day or time outside clinic hours, or a session placed outside them. */
public final class OutsideClinicHours extends Rule {
  public OutsideClinicHours() {
    super(meta("KET019", Severity.WARNING, "Dosing day or time outside clinic hours or on a closed day")
        .sources(Sources.PLAN_FORMAT, Sources.ESK_MONITORING)
        .explanation("""
            A dosing session occupies the clinic from the start of dosing to the end of
            monitoring, and all of it must fall inside clinic hours on an open day: monitoring
            happens on site. The rule reports preferred dosing weekdays (`ketamine.days`, a
            phase's `days`) on which the clinic has no hours, and a preferred time (`ketamine.time`,
            a phase's `time`) at which dosing plus monitoring does not fit that day's hours. The
            scheduler then moves every such session, so the plan says one thing and the schedule
            another. It also reports any scheduled session outside hours or on a closed date.

            The Spravato label requires at least 2 hours of monitoring on site at every session;
            kplan applies the same to every route.
            """));
  }

  @Override
  public List<Finding> check(Check c) {
    List<Finding> out = new ArrayList<>();
    Ketamine k = c.plan().ketamine();
    Map<DayOfWeek, Hours> hours = c.plan().clinic().hours();
    Duration block = k.dosing().elapsed().plus(k.monitoring().elapsed());
    checkDays(c, k.days(), "ketamine.days", hours, out);
    for (Phase p : k.phases()) checkDays(c, p.days(), Check.phasePath(p) + ".days", hours, out);
    checkTime(c, k.time(), "ketamine.time", k.days(), block, hours, out);
    for (Phase p : k.phases()) {
      checkTime(c, p.time(), Check.phasePath(p) + ".time", p.days() != null ? p.days() : k.days(), block, hours, out);
    }
    for (Event e : c.doses()) {
      String why = outside(e.start(), e.end(), hours, c.plan().clinic().closed());
      if (why != null) {
        out.add(c.finding(c.phasePath(e), "dosing session " + e.session() + " (" + Engine.describe(e.start()) + " to "
            + e.end().toLocalTime() + ", dosing and monitoring) " + why, e.id()));
      }
    }
    return out;
  }

  private static void checkDays(Check c, List<DayOfWeek> days, String path, Map<DayOfWeek, Hours> hours, List<Finding> out) {
    if (days == null) return;
    StringBuilder names = new StringBuilder();
    for (DayOfWeek d : days) {
      if (hours.containsKey(d)) continue;
      if (names.length() > 0) names.append(", ");
      names.append(name(d));
    }
    if (names.length() == 0) return;
    out.add(c.finding(path, "dosing is preferred on " + names + ", but the clinic has no hours then; those sessions move to"
        + " the next open day"));
  }

  private static void checkTime(Check c, LocalTime t, String path, List<DayOfWeek> days, Duration block,
      Map<DayOfWeek, Hours> hours, List<Finding> out) {
    if (t == null) return;
    List<DayOfWeek> check = days == null || days.isEmpty() ? List.copyOf(hours.keySet()) : days;
    for (DayOfWeek d : check) {
      Hours h = hours.get(d);
      if (h == null) continue;
      LocalTime end = t.plus(block);
      boolean overnight = end.isBefore(t) || block.toHours() >= 24;
      if (t.isBefore(h.open()) || overnight || (h.close() != null && end.isAfter(h.close()))) {
        out.add(c.finding(path, "dosing at " + t + " with monitoring until " + (overnight ? "the next day" : end.toString())
            + " does not fit clinic hours on " + name(d) + " (" + h + "); those sessions move to the next slot that fits"));
        return;
      }
    }
  }

  /** Null when [start, end] is inside the hours of an open day; else why not. */
  private static String outside(ZonedDateTime start, ZonedDateTime end, Map<DayOfWeek, Hours> hours, List<DateRange> closed) {
    LocalDate d = start.toLocalDate();
    for (DateRange r : closed) if (r.contains(d)) return "is on a day the clinic is closed (" + d + ")";
    Hours h = hours.get(d.getDayOfWeek());
    if (h == null) return "is on a " + name(d.getDayOfWeek()) + ", when the clinic has no hours";
    boolean nextMidnight = end.toLocalDate().equals(d.plusDays(1)) && end.toLocalTime().equals(LocalTime.MIDNIGHT);
    if ((!end.toLocalDate().equals(d) && !nextMidnight) || !h.contains(start.toLocalTime(), end.toLocalTime(), nextMidnight)) {
      return "is outside clinic hours " + h;
    }
    return null;
  }

  /** English short day names, as {@code getDisplayName(TextStyle.SHORT, Locale.ENGLISH)} gives them, without the locale data. */
  private static final String[] SHORT_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private static String name(DayOfWeek d) {
    return SHORT_NAMES[d.ordinal()];
  }
}
